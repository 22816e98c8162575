-- CreateEnum
CREATE TYPE "NotificationLevel" AS ENUM ('ALL', 'MENTIONS', 'NOTHING');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "lastReadSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notificationLevel" "NotificationLevel" NOT NULL DEFAULT 'ALL';

-- Members already in a conversation have read what is there: only what arrives from now on is unread.
UPDATE "Membership" AS m SET "lastReadSeq" = s."lastSeq"
FROM "Stream" AS s WHERE s."id" = 'channel:' || m."channelId";

-- A new member starts at the stream's head, whoever adds them (join, invite, a new DM or group):
-- joining a channel with a long history must not show all of it as unread. An explicit seq wins.
CREATE FUNCTION spotter_membership_read_from_head() RETURNS trigger AS $$
BEGIN
  IF NEW."lastReadSeq" = 0 THEN
    NEW."lastReadSeq" := COALESCE(
      (SELECT "lastSeq" FROM "Stream" WHERE "id" = 'channel:' || NEW."channelId"), 0);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Membership_read_from_head" BEFORE INSERT ON "Membership"
FOR EACH ROW EXECUTE FUNCTION spotter_membership_read_from_head();
