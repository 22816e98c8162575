-- A message send in one round trip (the hot path: Prisma's interactive transaction took nine).
-- Takes the channel stream's row lock first, then checks membership and the nonce: each statement of
-- a VOLATILE plpgsql function reads a fresh snapshot, so both see everything committed before the
-- lock was granted. A send therefore lands before the author's removal or is refused, and two
-- retries with one nonce store one message. Refusals and retries write nothing and take no seq.
--
-- outcome: 'sent' (a new message, its event stored), 'earlier' (the nonce's first copy),
-- 'no-channel' (missing, or private and not a member), 'not-member' (public, not joined).
-- `#variable_conflict use_column`: the result's column names would otherwise shadow the tables'
-- columns inside the body (its own variables are all p_/v_ prefixed).
CREATE FUNCTION spotter_send_message(
    p_channel_id TEXT,
    p_author_id TEXT,
    p_body TEXT,
    p_nonce TEXT
) RETURNS TABLE (
    "outcome" TEXT,
    "id" TEXT,
    "channelId" TEXT,
    "seq" INTEGER,
    "authorId" TEXT,
    "body" TEXT,
    "nonce" TEXT,
    "version" INTEGER,
    "createdAt" TIMESTAMP(3),
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "authorName" TEXT
)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    v_stream_id TEXT := 'channel:' || p_channel_id;
    v_last_seq INTEGER;
    v_visibility "ChannelVisibility";
    v_role "MembershipRole";
    v_outcome TEXT;
    v_message_id TEXT;
BEGIN
    SELECT s."lastSeq" INTO v_last_seq FROM "Stream" s WHERE s."id" = v_stream_id FOR UPDATE;
    IF NOT FOUND THEN
        -- First send of the channel; no stream row is made for a channel that does not exist.
        INSERT INTO "Stream" ("id", "lastSeq")
        SELECT v_stream_id, 0 WHERE EXISTS (SELECT 1 FROM "Channel" c WHERE c."id" = p_channel_id)
        ON CONFLICT ("id") DO UPDATE SET "lastSeq" = "Stream"."lastSeq"
        RETURNING "Stream"."lastSeq" INTO v_last_seq;
    END IF;

    SELECT c."visibility", m."role" INTO v_visibility, v_role
    FROM "Channel" c
    LEFT JOIN "Membership" m ON m."channelId" = c."id" AND m."userId" = p_author_id
    WHERE c."id" = p_channel_id;
    IF NOT FOUND OR (v_visibility = 'PRIVATE' AND v_role IS NULL) THEN
        v_outcome := 'no-channel';
    ELSIF v_role IS NULL THEN
        v_outcome := 'not-member';
    ELSE
        IF p_nonce IS NOT NULL THEN
            SELECT m."id" INTO v_message_id FROM "Message" m
            WHERE m."channelId" = p_channel_id AND m."authorId" = p_author_id AND m."nonce" = p_nonce;
        END IF;
        IF v_message_id IS NOT NULL THEN
            v_outcome := 'earlier';
        ELSE
            v_outcome := 'sent';
            UPDATE "Stream" SET "lastSeq" = v_last_seq + 1 WHERE "Stream"."id" = v_stream_id;
            INSERT INTO "Message" ("id", "channelId", "seq", "authorId", "body", "nonce")
            VALUES (gen_random_uuid()::TEXT, p_channel_id, v_last_seq + 1, p_author_id, p_body, p_nonce)
            RETURNING "Message"."id" INTO v_message_id;
            INSERT INTO "StreamEvent" ("streamId", "seq", "type", "messageId")
            VALUES (v_stream_id, v_last_seq + 1, 'message.created', v_message_id);
        END IF;
    END IF;

    -- One row whatever the outcome; the message columns are null for a refusal.
    RETURN QUERY
    SELECT v_outcome, m."id", m."channelId", m."seq", m."authorId", m."body", m."nonce", m."version",
        m."createdAt", m."editedAt", m."deletedAt", u."name"
    FROM (SELECT 1) AS "one"
    LEFT JOIN "Message" m ON m."id" = v_message_id
    LEFT JOIN "User" u ON u."id" = m."authorId";
END;
$$;
