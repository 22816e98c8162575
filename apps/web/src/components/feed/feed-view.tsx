'use client';

import { StartTraining } from '../training/start-training';
import { TrainingInvites } from '../training/training-invites';
import styles from './feed.module.css';
import { WorkoutList } from './workout-list';

/** The activity feed: training together, invitations, and the reader's and friends' finished workouts. */
export function FeedView({ myId }: { myId: string }) {
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Feed</h1>
      <StartTraining />
      <TrainingInvites />
      <WorkoutList
        myId={myId}
        label="Workouts"
        emptyText="No workouts yet. Finished workouts of yours and your friends show here."
      />
    </div>
  );
}
