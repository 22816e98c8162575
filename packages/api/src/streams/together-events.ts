import { z } from 'zod';

/**
 * Events of training together, kudos and the feed (issue 11), in their own file so the workout
 * logging events can grow beside them in events.ts without both editing the same lines.
 */
const seq = z.number().int().positive();
const storedDate = z.coerce.date();
const Person = z.object({ id: z.string(), username: z.string(), name: z.string() });

/** One personal record a workout set, as a card shows it. */
export const RecordView = z.object({
  exerciseName: z.string(),
  kind: z.enum(['HEAVIEST_WEIGHT', 'BEST_E1RM', 'MOST_REPS', 'BEST_SET_VOLUME']),
  value: z.number(),
  weightKg: z.number().nullable(),
});
export type RecordView = z.infer<typeof RecordView>;

/** A workout's summary: the shared message's card and a feed entry. Weights in kg (clients convert). */
export const WorkoutCard = z.object({
  id: z.string(),
  owner: Person,
  title: z.string(),
  visibility: z.enum(['PRIVATE', 'FRIENDS', 'PUBLIC']),
  startedAt: storedDate,
  finishedAt: storedDate.nullable(),
  durationSec: z.number().int().nonnegative().nullable(),
  exerciseCount: z.number().int().nonnegative(),
  setCount: z.number().int().nonnegative(),
  volumeKg: z.number().nonnegative(),
  /** Metres covered (runs, rows, rides); 0 for a lifting day and in cards stored before it was carried. */
  distanceM: z.number().nonnegative().default(0),
  records: z.array(RecordView),
  kudosCount: z.number().int().nonnegative(),
});
export type WorkoutCard = z.infer<typeof WorkoutCard>;

export const SessionMemberStatus = z.enum(['INVITED', 'JOINED', 'LEFT']);

export const togetherEvents = [
  // A user's own stream: someone invited them to train together (shows up live, replayed on resume).
  z.object({
    type: z.literal('training.invited'),
    seq,
    sessionId: z.string(),
    host: Person,
  }),
  // A session's stream ("session:<id>"): a member invited, joined or left. Members' sets are the
  // workout events appended to the same stream by the workout services.
  z.object({
    type: z.literal('session.member'),
    seq,
    sessionId: z.string(),
    member: Person,
    status: SessionMemberStatus,
  }),
  // A reader's feed ("feed:<userId>", fan-out on write): a friend (or the reader) started or
  // finished a workout they may see. `card` is the workout as of the event.
  z.object({
    type: z.literal('feed.workout'),
    seq,
    action: z.enum(['started', 'finished', 'ended']),
    card: WorkoutCard,
  }),
  // A workout the reader could see, or now can, changed visibility: feeds and "training now" are read
  // again (made PRIVATE, it leaves friends' feeds). Only its id: the reader may no longer see it.
  z.object({
    type: z.literal('feed.visibility'),
    seq,
    workoutId: z.string(),
    visibility: z.enum(['PRIVATE', 'FRIENDS', 'PUBLIC']),
  }),
  // The kudos count of a workout in the reader's feed changed (every tab of every reader updates).
  z.object({
    type: z.literal('feed.kudos'),
    seq,
    workoutId: z.string(),
    kudosCount: z.number().int().nonnegative(),
    /** Who gave or took back kudos, so their own button can follow on their other tabs. */
    byUserId: z.string(),
    isGiven: z.boolean(),
  }),
] as const;
