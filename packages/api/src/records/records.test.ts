import { describe, expect, it } from 'vitest';
import { fromKg, toKg } from '../workouts/units';
import { detectRecords, e1rm, type RecordKind, type SetForRecords, type WorkoutForRecords } from './math';
import { inWorkoutOrder } from './order';
import { bestE1rmPerWorkout, streaks, weeklyVolume } from './stats';
import { isoWeek } from './weeks';

let nextId = 0;
const set = (type: SetForRecords['type'], weightKg: number | null, reps: number): SetForRecords => ({
  id: `s${++nextId}`,
  type,
  weightKg,
  reps,
});
const day = (iso: string) => new Date(`${iso}T18:00:00Z`);

/** A bench-press history in kg, three workouts over ISO weeks 45 and 47 of 2026. */
const w1 = {
  workoutId: 'w1',
  achievedAt: day('2026-11-02'),
  sets: [set('WARMUP', 60, 10), set('NORMAL', 100, 5), set('NORMAL', 100, 5), set('NORMAL', 90, 8)],
};
const w2 = {
  workoutId: 'w2',
  achievedAt: day('2026-11-04'),
  sets: [set('WARMUP', 120, 1), set('NORMAL', 105, 1), set('NORMAL', 95, 6)],
};
const w3 = {
  workoutId: 'w3',
  achievedAt: day('2026-11-16'),
  sets: [set('FAILURE', 100, 8), set('DROP', 100, 6)],
};
const history: WorkoutForRecords[] = [w1, w2, w3];

const brief = (found: ReturnType<typeof detectRecords>) =>
  found.map(
    (r) =>
      `${r.workoutId} ${r.kind}${r.kind === 'MOST_REPS' ? `@${r.weightKg}` : ''} ${Number(r.value.toFixed(3))} ${r.setId}`,
  );

describe('e1RM (Epley)', () => {
  it('is weight × (1 + reps/30), a single being its own weight', () => {
    expect(e1rm(100, 5)).toBeCloseTo(116.667, 3); // 100 × (1 + 5/30) = 100 × 1.1667
    expect(e1rm(90, 8)).toBeCloseTo(114, 10); // 90 × (1 + 8/30) = 90 × 1.2667 = 114
    expect(e1rm(105, 1)).toBe(105); // reps = 1 → the weight itself (not 105 × 1.0333)
    expect(e1rm(100, 0)).toBe(0);
  });
});

describe('personal records', () => {
  it('replays a history: first workout sets the first records, later ones only what they beat; warm-ups never count', () => {
    const [, w1Top, , w1Eight] = w1.sets;
    const [, w2Single, w2Six] = w2.sets;
    const [w3Eight] = w3.sets;
    expect(brief(detectRecords(history))).toEqual([
      // w1 (warm-up 60×10 ignored): heaviest 100; e1RM 100×(1+5/30)=116.667 beats 90×(1+8/30)=114;
      // 5 reps @100 (the first of the two 100×5 sets), 8 reps @90; volume 90×8=720 beats 100×5=500.
      `w1 HEAVIEST_WEIGHT 100 ${w1Top?.id}`,
      `w1 BEST_E1RM 116.667 ${w1Top?.id}`,
      `w1 MOST_REPS@100 5 ${w1Top?.id}`,
      `w1 MOST_REPS@90 8 ${w1Eight?.id}`,
      `w1 BEST_SET_VOLUME 720 ${w1Eight?.id}`,
      // w2: the 120 kg single is a warm-up, so the heaviest is 105 > 100. e1RM: 105 (single) and
      // 95×1.2=114, both under 116.667. First reps at 105 and at 95. Volume 95×6=570 < 720.
      `w2 HEAVIEST_WEIGHT 105 ${w2Single?.id}`,
      `w2 MOST_REPS@105 1 ${w2Single?.id}`,
      `w2 MOST_REPS@95 6 ${w2Six?.id}`,
      // w3: 100 < 105, no weight record. e1RM 100×(1+8/30)=126.667 > 116.667; 8 reps @100 > 5;
      // volume 100×8=800 > 720. Failure and drop sets count.
      `w3 BEST_E1RM 126.667 ${w3Eight?.id}`,
      `w3 MOST_REPS@100 8 ${w3Eight?.id}`,
      `w3 BEST_SET_VOLUME 800 ${w3Eight?.id}`,
    ]);
  });

  it('counts a tie as no record, and a workout of warm-ups only as none', () => {
    const tie = { workoutId: 'tie', achievedAt: day('2026-11-20'), sets: [set('NORMAL', 100, 8)] };
    const warm = { workoutId: 'warm', achievedAt: day('2026-11-21'), sets: [set('WARMUP', 200, 20)] };
    expect(
      detectRecords([...history, tie, warm]).filter((r) => ['tie', 'warm'].includes(r.workoutId)),
    ).toEqual([]);
  });

  it('finds the same records for a history logged in pounds, shown back in pounds', () => {
    // Logged as 225 lb × 5 then 235 lb × 3; stored as 225 × 0.45359237 = 102.05828325 kg and 106.59420695 kg.
    const lb = [
      { workoutId: 'a', achievedAt: day('2026-11-02'), sets: [set('NORMAL', toKg(225, 'LB'), 5)] },
      { workoutId: 'b', achievedAt: day('2026-11-09'), sets: [set('NORMAL', toKg(235, 'LB'), 3)] },
    ];
    const shown = detectRecords(lb).map(
      (r) =>
        `${r.workoutId} ${r.kind} ${r.kind === 'MOST_REPS' ? r.value : Number(fromKg(r.value, 'LB').toFixed(3))}`,
    );
    expect(shown).toEqual([
      // 225 lb; e1RM 225 × (1 + 5/30) = 262.5 lb; 5 reps at 225; volume 225 × 5 = 1,125 lb.
      'a HEAVIEST_WEIGHT 225',
      'a BEST_E1RM 262.5',
      'a MOST_REPS 5',
      'a BEST_SET_VOLUME 1125',
      // 235 lb > 225; e1RM 235 × 1.1 = 258.5 < 262.5; first reps at 235; volume 705 < 1,125.
      'b HEAVIEST_WEIGHT 235',
      'b MOST_REPS 3',
    ]);
  });
});

describe('records as a workout lists them', () => {
  it('groups them by exercise in the order they were done, each by kind, more weight first', () => {
    const record = (exerciseId: string, kind: RecordKind, weightKg: number) => ({
      exerciseId,
      kind,
      weightKg,
    });
    const stored = [
      record('lib-romanian-deadlift', 'BEST_SET_VOLUME', 85),
      record('lib-back-squat', 'MOST_REPS', 90),
      record('lib-back-squat', 'BEST_SET_VOLUME', 100),
      record('lib-romanian-deadlift', 'HEAVIEST_WEIGHT', 85),
      record('lib-back-squat', 'MOST_REPS', 100),
      record('lib-back-squat', 'HEAVIEST_WEIGHT', 100),
      record('lib-back-squat', 'BEST_E1RM', 100),
    ];
    const listed = inWorkoutOrder(stored, ['lib-back-squat', 'lib-romanian-deadlift', 'lib-back-squat']);
    expect(listed.map((r) => `${r.exerciseId} ${r.kind} ${r.weightKg}`)).toEqual([
      'lib-back-squat HEAVIEST_WEIGHT 100',
      'lib-back-squat BEST_E1RM 100',
      'lib-back-squat MOST_REPS 100',
      'lib-back-squat MOST_REPS 90',
      'lib-back-squat BEST_SET_VOLUME 100',
      'lib-romanian-deadlift HEAVIEST_WEIGHT 85',
      'lib-romanian-deadlift BEST_SET_VOLUME 85',
    ]);
  });
});

describe('weekly volume', () => {
  const asStats = history.map((w) => ({ startedAt: w.achievedAt, sets: w.sets }));

  it('sums weight × reps per ISO week without warm-ups, empty weeks included, in kg or lb', () => {
    const now = day('2026-11-18');
    // W45: w1 100×5 + 100×5 + 90×8 = 500 + 500 + 720 = 1,720; w2 105×1 + 95×6 = 105 + 570 = 675;
    //      1,720 + 675 = 2,395 kg. W46: nothing. W47: w3 100×8 + 100×6 = 800 + 600 = 1,400 kg.
    expect(weeklyVolume(asStats, 'KG', now).map((w) => [w.week, w.volume])).toEqual([
      ['2026-W45', 2395],
      ['2026-W46', 0],
      ['2026-W47', 1400],
    ]);
    // In lb: 2,395 ÷ 0.45359237 = 5,280.07 lb; 1,400 ÷ 0.45359237 = 3,086.47 lb.
    const lb = weeklyVolume(asStats, 'LB', now).map((w) => Number(w.volume.toFixed(2)));
    expect(lb).toEqual([5280.07, 0, 3086.47]);
  });

  it('puts a workout in its ISO week across a year end', () => {
    // 1 January 2027 is a Friday: its week began Monday 28 December, week 53 of 2026 (a Thursday year).
    expect(isoWeek(new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    expect(isoWeek(new Date('2026-11-30T23:59:59Z'))).toBe('2026-W49');
  });
});

describe('streaks', () => {
  // Workouts in ISO weeks 40, 41, 42 (a run of 3), 45 (1), 47 and 48 (2) of 2026.
  const starts = ['2026-09-28', '2026-10-08', '2026-10-14', '2026-11-04', '2026-11-16', '2026-11-23'].map(
    day,
  );

  it('counts the run through last week while this week has no workout yet', () => {
    // Now: Wednesday 2 December (W49), nothing yet this week: W48 and W47 → 2. Longest: W40–W42 → 3.
    expect(streaks(starts, day('2026-12-02'))).toEqual({ current: 2, longest: 3 });
  });

  it('extends the run with a workout this week and breaks it after an empty week', () => {
    // A workout on 30 November (W49) makes W47–W49 a run of 3.
    expect(streaks([...starts, day('2026-11-30')], day('2026-12-02'))).toEqual({ current: 3, longest: 3 });
    // Now: 9 December (W50); W49 was empty, so the run is over.
    expect(streaks(starts, day('2026-12-09'))).toEqual({ current: 0, longest: 3 });
    expect(streaks([], day('2026-12-09'))).toEqual({ current: 0, longest: 0 });
  });
});

describe('e1RM over time', () => {
  it('takes each workout’s best working set', () => {
    const points = bestE1rmPerWorkout(history.map((w) => ({ ...w, startedAt: w.achievedAt })));
    // w1 116.667; w2 max(105, 114) = 114 (the 120 single is a warm-up); w3 126.667.
    expect(points.map((p) => [p.workoutId, Number(p.e1rmKg.toFixed(3))])).toEqual([
      ['w1', 116.667],
      ['w2', 114],
      ['w3', 126.667],
    ]);
  });
});
