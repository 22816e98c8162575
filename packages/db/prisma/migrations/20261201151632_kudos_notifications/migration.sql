-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'KUDOS';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "workoutId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_workoutId_actorId_kind_key" ON "Notification"("workoutId", "actorId", "kind");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workoutId_fkey" FOREIGN KEY ("workoutId") REFERENCES "Workout"("id") ON DELETE CASCADE ON UPDATE CASCADE;
