-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastChannelId" TEXT;

-- CreateTable
CREATE TABLE "Stream" (
    "id" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "prunedThrough" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Stream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamEvent" (
    "streamId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "messageId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StreamEvent_pkey" PRIMARY KEY ("streamId","seq")
);

-- CreateIndex
CREATE INDEX "StreamEvent_createdAt_idx" ON "StreamEvent"("createdAt");

-- CreateIndex
CREATE INDEX "StreamEvent_messageId_idx" ON "StreamEvent"("messageId");

-- AddForeignKey
ALTER TABLE "StreamEvent" ADD CONSTRAINT "StreamEvent_streamId_fkey" FOREIGN KEY ("streamId") REFERENCES "Stream"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StreamEvent" ADD CONSTRAINT "StreamEvent_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing channels become streams, and their messages the creation events of those streams, so
-- clients resuming from a message seq keep their place.
INSERT INTO "Stream" ("id", "lastSeq")
SELECT 'channel:' || "id", "lastSeq" FROM "Channel";

INSERT INTO "StreamEvent" ("streamId", "seq", "type", "messageId", "createdAt")
SELECT 'channel:' || "channelId", "seq", 'message.created', "id", "createdAt" FROM "Message";

-- AlterTable
ALTER TABLE "Channel" DROP COLUMN "lastSeq";

