-- spotter_send_message again, unchanged but for one more column: the author's @username, so every
-- message shows the unique handle beside the display name (two people may both be called "Alice";
-- only one is @alice). It comes from the join on "User" that already reads the name: no extra query.
-- Everything else is as in 20261130020000_direct_send_check.
DROP FUNCTION spotter_send_message(TEXT, TEXT, TEXT, TEXT);

CREATE FUNCTION spotter_send_message(
    p_channel_id TEXT,
    p_author_id TEXT,
    p_body TEXT,
    p_nonce TEXT
) RETURNS TABLE (
    "outcome" TEXT,
    "kind" TEXT,
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
    "authorName" TEXT,
    "authorUsername" TEXT
)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    v_stream_id TEXT := 'channel:' || p_channel_id;
    v_last_seq INTEGER;
    v_visibility "ChannelVisibility";
    v_kind "ChannelKind";
    v_direct_key TEXT;
    v_other_id TEXT;
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

    SELECT c."visibility", c."kind", c."directKey", m."role"
    INTO v_visibility, v_kind, v_direct_key, v_role
    FROM "Channel" c
    LEFT JOIN "Membership" m ON m."channelId" = c."id" AND m."userId" = p_author_id
    WHERE c."id" = p_channel_id;
    IF NOT FOUND OR (v_visibility = 'PRIVATE' AND v_role IS NULL) THEN
        v_outcome := 'no-channel';
        -- A refusal that hides the conversation does not reveal its kind either.
        v_kind := NULL;
    ELSIF v_role IS NULL THEN
        v_outcome := 'not-member';
    ELSE
        IF v_kind = 'DIRECT' THEN
            -- directKey is the two ids sorted and joined by ':' (ids never contain ':').
            v_other_id := CASE WHEN split_part(v_direct_key, ':', 1) = p_author_id
                THEN split_part(v_direct_key, ':', 2) ELSE split_part(v_direct_key, ':', 1) END;
        END IF;
        IF p_nonce IS NOT NULL THEN
            SELECT m."id" INTO v_message_id FROM "Message" m
            WHERE m."channelId" = p_channel_id AND m."authorId" = p_author_id AND m."nonce" = p_nonce;
        END IF;
        IF v_message_id IS NOT NULL THEN
            v_outcome := 'earlier';
        ELSIF v_kind = 'DIRECT' AND (
            SELECT count(*) FROM "Relationship" r
            WHERE r."kind" = 'FRIEND'
              AND ((r."userId" = p_author_id AND r."otherId" = v_other_id)
                OR (r."userId" = v_other_id AND r."otherId" = p_author_id))
        ) <> 2 THEN
            v_outcome := 'not-friends';
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
    SELECT v_outcome, v_kind::TEXT, m."id", m."channelId", m."seq", m."authorId", m."body", m."nonce",
        m."version", m."createdAt", m."editedAt", m."deletedAt", u."name", u."username"
    FROM (SELECT 1) AS "one"
    LEFT JOIN "Message" m ON m."id" = v_message_id
    LEFT JOIN "User" u ON u."id" = m."authorId";
END;
$$;
