-- CreateEnum
CREATE TYPE "PresenceMode" AS ENUM ('AUTO', 'DND', 'INVISIBLE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "presenceMode" "PresenceMode" NOT NULL DEFAULT 'AUTO';
