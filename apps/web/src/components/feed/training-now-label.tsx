'use client';

import { useIsTrainingNow } from '@/chat/use-feed';
import styles from './feed.module.css';

/** "Training now" beside a friend's name while they have an active workout they let friends see. */
export function TrainingNowLabel({ userId }: { userId: string }) {
  const isTraining = useIsTrainingNow(userId);
  if (!isTraining) return null;
  return (
    <span className={styles.trainingNow} data-testid="training-now">
      Training now
    </span>
  );
}
