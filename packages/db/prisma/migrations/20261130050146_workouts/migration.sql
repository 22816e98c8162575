-- CreateEnum
CREATE TYPE "WeightUnit" AS ENUM ('KG', 'LB');

-- CreateEnum
CREATE TYPE "DistanceUnit" AS ENUM ('KM', 'MI');

-- CreateEnum
CREATE TYPE "ExerciseKind" AS ENUM ('WEIGHT_REPS', 'BODYWEIGHT_REPS', 'DURATION', 'DISTANCE_DURATION');

-- CreateEnum
CREATE TYPE "WorkoutVisibility" AS ENUM ('PRIVATE', 'FRIENDS', 'PUBLIC');

-- CreateEnum
CREATE TYPE "SetType" AS ENUM ('WARMUP', 'NORMAL', 'DROP', 'FAILURE');

-- CreateEnum
CREATE TYPE "PersonalRecordKind" AS ENUM ('HEAVIEST_WEIGHT', 'BEST_E1RM', 'MOST_REPS', 'BEST_SET_VOLUME');

-- CreateEnum
CREATE TYPE "TrainingSessionMemberStatus" AS ENUM ('INVITED', 'JOINED', 'LEFT');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "distanceUnit" "DistanceUnit" NOT NULL DEFAULT 'KM',
ADD COLUMN     "weightUnit" "WeightUnit" NOT NULL DEFAULT 'KG';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "workoutId" TEXT;

-- CreateTable
CREATE TABLE "Exercise" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "name" TEXT NOT NULL,
    "muscleGroup" TEXT NOT NULL,
    "equipment" TEXT NOT NULL,
    "kind" "ExerciseKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exercise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workout" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "visibility" "WorkoutVisibility" NOT NULL DEFAULT 'FRIENDS',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "autoClosed" BOOLEAN NOT NULL DEFAULT false,
    "sessionId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkoutExercise" (
    "id" TEXT NOT NULL,
    "workoutId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "supersetGroup" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "restSeconds" INTEGER,

    CONSTRAINT "WorkoutExercise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkoutSet" (
    "id" TEXT NOT NULL,
    "workoutExerciseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "SetType" NOT NULL DEFAULT 'NORMAL',
    "weightKg" DOUBLE PRECISION,
    "reps" INTEGER,
    "rpe" DOUBLE PRECISION,
    "durationSec" INTEGER,
    "distanceM" DOUBLE PRECISION,
    "loggedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkoutSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "workoutId" TEXT NOT NULL,
    "setId" TEXT,
    "kind" "PersonalRecordKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "weightKg" DOUBLE PRECISION,
    "achievedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonalRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kudos" (
    "workoutId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kudos_pkey" PRIMARY KEY ("workoutId","userId")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSessionMember" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "TrainingSessionMemberStatus" NOT NULL DEFAULT 'INVITED',
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingSessionMember_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateIndex
CREATE INDEX "Exercise_name_idx" ON "Exercise"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Exercise_ownerId_name_key" ON "Exercise"("ownerId", "name");

-- CreateIndex
CREATE INDEX "Workout_userId_startedAt_idx" ON "Workout"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Workout_finishedAt_idx" ON "Workout"("finishedAt");

-- CreateIndex
CREATE INDEX "WorkoutExercise_workoutId_position_idx" ON "WorkoutExercise"("workoutId", "position");

-- CreateIndex
CREATE INDEX "WorkoutExercise_exerciseId_idx" ON "WorkoutExercise"("exerciseId");

-- CreateIndex
CREATE INDEX "WorkoutSet_workoutExerciseId_position_idx" ON "WorkoutSet"("workoutExerciseId", "position");

-- CreateIndex
CREATE INDEX "PersonalRecord_userId_exerciseId_kind_idx" ON "PersonalRecord"("userId", "exerciseId", "kind");

-- CreateIndex
CREATE INDEX "PersonalRecord_workoutId_idx" ON "PersonalRecord"("workoutId");

-- CreateIndex
CREATE INDEX "Kudos_userId_idx" ON "Kudos"("userId");

-- CreateIndex
CREATE INDEX "TrainingSessionMember_userId_idx" ON "TrainingSessionMember"("userId");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workout" ADD CONSTRAINT "Workout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workout" ADD CONSTRAINT "Workout_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutExercise" ADD CONSTRAINT "WorkoutExercise_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutExercise" ADD CONSTRAINT "WorkoutExercise_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkoutSet" ADD CONSTRAINT "WorkoutSet_workoutExerciseId_fkey" FOREIGN KEY ("workoutExerciseId") REFERENCES "WorkoutExercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalRecord" ADD CONSTRAINT "PersonalRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalRecord" ADD CONSTRAINT "PersonalRecord_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalRecord" ADD CONSTRAINT "PersonalRecord_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalRecord" ADD CONSTRAINT "PersonalRecord_setId_fkey" FOREIGN KEY ("setId") REFERENCES "WorkoutSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSessionMember" ADD CONSTRAINT "TrainingSessionMember_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSessionMember" ADD CONSTRAINT "TrainingSessionMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The exercise library every account starts with (ownerId NULL). Ids are stable slugs, so later
-- migrations and clients can refer to them.
INSERT INTO "Exercise" ("id", "name", "muscleGroup", "equipment", "kind") VALUES
  ('lib-bench-press', 'Bench Press', 'chest', 'barbell', 'WEIGHT_REPS'),
  ('lib-incline-bench-press', 'Incline Bench Press', 'chest', 'barbell', 'WEIGHT_REPS'),
  ('lib-decline-bench-press', 'Decline Bench Press', 'chest', 'barbell', 'WEIGHT_REPS'),
  ('lib-dumbbell-bench-press', 'Dumbbell Bench Press', 'chest', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-incline-dumbbell-press', 'Incline Dumbbell Press', 'chest', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-dumbbell-fly', 'Dumbbell Fly', 'chest', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-cable-crossover', 'Cable Crossover', 'chest', 'cable', 'WEIGHT_REPS'),
  ('lib-chest-press-machine', 'Chest Press Machine', 'chest', 'machine', 'WEIGHT_REPS'),
  ('lib-pec-deck', 'Pec Deck', 'chest', 'machine', 'WEIGHT_REPS'),
  ('lib-push-up', 'Push-up', 'chest', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-dip', 'Dip', 'chest', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-deadlift', 'Deadlift', 'back', 'barbell', 'WEIGHT_REPS'),
  ('lib-barbell-row', 'Barbell Row', 'back', 'barbell', 'WEIGHT_REPS'),
  ('lib-pendlay-row', 'Pendlay Row', 'back', 'barbell', 'WEIGHT_REPS'),
  ('lib-t-bar-row', 'T-Bar Row', 'back', 'barbell', 'WEIGHT_REPS'),
  ('lib-dumbbell-row', 'Dumbbell Row', 'back', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-pull-up', 'Pull-up', 'back', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-chin-up', 'Chin-up', 'back', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-lat-pulldown', 'Lat Pulldown', 'back', 'cable', 'WEIGHT_REPS'),
  ('lib-seated-cable-row', 'Seated Cable Row', 'back', 'cable', 'WEIGHT_REPS'),
  ('lib-straight-arm-pulldown', 'Straight-Arm Pulldown', 'back', 'cable', 'WEIGHT_REPS'),
  ('lib-rack-pull', 'Rack Pull', 'back', 'barbell', 'WEIGHT_REPS'),
  ('lib-back-extension', 'Back Extension', 'back', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-inverted-row', 'Inverted Row', 'back', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-machine-row', 'Machine Row', 'back', 'machine', 'WEIGHT_REPS'),
  ('lib-face-pull', 'Face Pull', 'shoulders', 'cable', 'WEIGHT_REPS'),
  ('lib-overhead-press', 'Overhead Press', 'shoulders', 'barbell', 'WEIGHT_REPS'),
  ('lib-push-press', 'Push Press', 'shoulders', 'barbell', 'WEIGHT_REPS'),
  ('lib-dumbbell-shoulder-press', 'Dumbbell Shoulder Press', 'shoulders', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-arnold-press', 'Arnold Press', 'shoulders', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-lateral-raise', 'Lateral Raise', 'shoulders', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-cable-lateral-raise', 'Cable Lateral Raise', 'shoulders', 'cable', 'WEIGHT_REPS'),
  ('lib-front-raise', 'Front Raise', 'shoulders', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-rear-delt-fly', 'Rear Delt Fly', 'shoulders', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-upright-row', 'Upright Row', 'shoulders', 'barbell', 'WEIGHT_REPS'),
  ('lib-shrug', 'Shrug', 'traps', 'barbell', 'WEIGHT_REPS'),
  ('lib-dumbbell-shrug', 'Dumbbell Shrug', 'traps', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-handstand-push-up', 'Handstand Push-up', 'shoulders', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-barbell-curl', 'Barbell Curl', 'biceps', 'barbell', 'WEIGHT_REPS'),
  ('lib-dumbbell-curl', 'Dumbbell Curl', 'biceps', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-hammer-curl', 'Hammer Curl', 'biceps', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-preacher-curl', 'Preacher Curl', 'biceps', 'ez bar', 'WEIGHT_REPS'),
  ('lib-cable-curl', 'Cable Curl', 'biceps', 'cable', 'WEIGHT_REPS'),
  ('lib-concentration-curl', 'Concentration Curl', 'biceps', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-tricep-pushdown', 'Tricep Pushdown', 'triceps', 'cable', 'WEIGHT_REPS'),
  ('lib-overhead-tricep-extension', 'Overhead Tricep Extension', 'triceps', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-skull-crusher', 'Skull Crusher', 'triceps', 'ez bar', 'WEIGHT_REPS'),
  ('lib-close-grip-bench-press', 'Close-Grip Bench Press', 'triceps', 'barbell', 'WEIGHT_REPS'),
  ('lib-tricep-dip', 'Tricep Dip', 'triceps', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-diamond-push-up', 'Diamond Push-up', 'triceps', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-wrist-curl', 'Wrist Curl', 'forearms', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-farmers-carry', 'Farmer''s Carry', 'forearms', 'dumbbell', 'DISTANCE_DURATION'),
  ('lib-back-squat', 'Back Squat', 'quads', 'barbell', 'WEIGHT_REPS'),
  ('lib-front-squat', 'Front Squat', 'quads', 'barbell', 'WEIGHT_REPS'),
  ('lib-goblet-squat', 'Goblet Squat', 'quads', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-hack-squat', 'Hack Squat', 'quads', 'machine', 'WEIGHT_REPS'),
  ('lib-leg-press', 'Leg Press', 'quads', 'machine', 'WEIGHT_REPS'),
  ('lib-leg-extension', 'Leg Extension', 'quads', 'machine', 'WEIGHT_REPS'),
  ('lib-bulgarian-split-squat', 'Bulgarian Split Squat', 'quads', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-walking-lunge', 'Walking Lunge', 'quads', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-step-up', 'Step-up', 'quads', 'dumbbell', 'WEIGHT_REPS'),
  ('lib-bodyweight-squat', 'Bodyweight Squat', 'quads', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-pistol-squat', 'Pistol Squat', 'quads', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-box-jump', 'Box Jump', 'quads', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-romanian-deadlift', 'Romanian Deadlift', 'hamstrings', 'barbell', 'WEIGHT_REPS'),
  ('lib-stiff-leg-deadlift', 'Stiff-Leg Deadlift', 'hamstrings', 'barbell', 'WEIGHT_REPS'),
  ('lib-lying-leg-curl', 'Lying Leg Curl', 'hamstrings', 'machine', 'WEIGHT_REPS'),
  ('lib-seated-leg-curl', 'Seated Leg Curl', 'hamstrings', 'machine', 'WEIGHT_REPS'),
  ('lib-nordic-curl', 'Nordic Curl', 'hamstrings', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-good-morning', 'Good Morning', 'hamstrings', 'barbell', 'WEIGHT_REPS'),
  ('lib-hip-thrust', 'Hip Thrust', 'glutes', 'barbell', 'WEIGHT_REPS'),
  ('lib-glute-bridge', 'Glute Bridge', 'glutes', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-sumo-deadlift', 'Sumo Deadlift', 'glutes', 'barbell', 'WEIGHT_REPS'),
  ('lib-cable-kickback', 'Cable Kickback', 'glutes', 'cable', 'WEIGHT_REPS'),
  ('lib-hip-abduction', 'Hip Abduction', 'glutes', 'machine', 'WEIGHT_REPS'),
  ('lib-standing-calf-raise', 'Standing Calf Raise', 'calves', 'machine', 'WEIGHT_REPS'),
  ('lib-seated-calf-raise', 'Seated Calf Raise', 'calves', 'machine', 'WEIGHT_REPS'),
  ('lib-trap-bar-deadlift', 'Trap Bar Deadlift', 'quads', 'trap bar', 'WEIGHT_REPS'),
  ('lib-plank', 'Plank', 'core', 'bodyweight', 'DURATION'),
  ('lib-side-plank', 'Side Plank', 'core', 'bodyweight', 'DURATION'),
  ('lib-crunch', 'Crunch', 'core', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-hanging-leg-raise', 'Hanging Leg Raise', 'core', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-cable-crunch', 'Cable Crunch', 'core', 'cable', 'WEIGHT_REPS'),
  ('lib-ab-wheel-rollout', 'Ab Wheel Rollout', 'core', 'ab wheel', 'BODYWEIGHT_REPS'),
  ('lib-russian-twist', 'Russian Twist', 'core', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-sit-up', 'Sit-up', 'core', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-dead-bug', 'Dead Bug', 'core', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-mountain-climber', 'Mountain Climber', 'core', 'bodyweight', 'DURATION'),
  ('lib-hollow-hold', 'Hollow Hold', 'core', 'bodyweight', 'DURATION'),
  ('lib-pallof-press', 'Pallof Press', 'core', 'cable', 'WEIGHT_REPS'),
  ('lib-power-clean', 'Power Clean', 'full body', 'barbell', 'WEIGHT_REPS'),
  ('lib-clean-and-jerk', 'Clean and Jerk', 'full body', 'barbell', 'WEIGHT_REPS'),
  ('lib-snatch', 'Snatch', 'full body', 'barbell', 'WEIGHT_REPS'),
  ('lib-kettlebell-swing', 'Kettlebell Swing', 'full body', 'kettlebell', 'WEIGHT_REPS'),
  ('lib-turkish-get-up', 'Turkish Get-up', 'full body', 'kettlebell', 'WEIGHT_REPS'),
  ('lib-thruster', 'Thruster', 'full body', 'barbell', 'WEIGHT_REPS'),
  ('lib-burpee', 'Burpee', 'full body', 'bodyweight', 'BODYWEIGHT_REPS'),
  ('lib-sled-push', 'Sled Push', 'full body', 'sled', 'DISTANCE_DURATION'),
  ('lib-running', 'Running', 'cardio', 'none', 'DISTANCE_DURATION'),
  ('lib-treadmill-run', 'Treadmill Run', 'cardio', 'treadmill', 'DISTANCE_DURATION'),
  ('lib-cycling', 'Cycling', 'cardio', 'bike', 'DISTANCE_DURATION'),
  ('lib-stationary-bike', 'Stationary Bike', 'cardio', 'bike', 'DISTANCE_DURATION'),
  ('lib-rowing-machine', 'Rowing Machine', 'cardio', 'rower', 'DISTANCE_DURATION'),
  ('lib-swimming', 'Swimming', 'cardio', 'none', 'DISTANCE_DURATION'),
  ('lib-walking', 'Walking', 'cardio', 'none', 'DISTANCE_DURATION'),
  ('lib-elliptical', 'Elliptical', 'cardio', 'machine', 'DISTANCE_DURATION'),
  ('lib-stair-climber', 'Stair Climber', 'cardio', 'machine', 'DURATION'),
  ('lib-jump-rope', 'Jump Rope', 'cardio', 'jump rope', 'DURATION'),
  ('lib-battle-ropes', 'Battle Ropes', 'cardio', 'ropes', 'DURATION'),
  ('lib-hiking', 'Hiking', 'cardio', 'none', 'DISTANCE_DURATION');
