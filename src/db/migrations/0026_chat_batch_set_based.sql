-- Online support chat at load (issue 7, ADR 0024): a batch of chat messages is stored by set-based
-- statements instead of one plpgsql call per message. Migration 0023 set each message's sender's
-- own row-level security scope and ran six statements per message (0.4 ms a message measured, so
-- 2,000 messages a second needed most of a core). The same rules are checked here explicitly, for
-- the whole batch at once, under a system scope kept to this function:
--   * a young person reaches only their own chat;
--   * staff reach a chat of their own organisation that they hold (counsellor), or, with duty
--     permission (may_duty, worked out by the server from the sender's roles), any chat of their own
--     organisation (duty-senior);
--   * anything else is 'not-found', as row-level security would have hidden it.
-- Chats are locked in id order first (a chat id no sender may reach is locked for a moment and
-- answered 'not-found'), so concurrent batches (and the full path, which locks the
-- chat too) never deadlock and messages of a chat are numbered with no gaps. Outcomes per item, in
-- the order given: 'stored', 'existing' (a resend, also of a message earlier in the same batch),
-- 'not-found', 'ended', 'recheck' (a young person's message matched against risk phrases that have
-- changed since: the server takes the full path, which also raises any alert).
-- The statements' plans are made once per connection and kept (force_generic_plan): planning them
-- afresh cost more than running them for a batch of ten.
CREATE OR REPLACE FUNCTION lantern_append_chat_messages(items jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  caller_scope text := current_setting('lantern.scope', true);
  results jsonb;
BEGIN
  PERFORM set_config('lantern.scope', '{"kinds":["all"],"systemReason":"chat messages checked by lantern_append_chat_messages"}', true);
  PERFORM 1 FROM online_chats oc
    WHERE oc.id = ANY (ARRAY(SELECT (e->>'chat')::uuid FROM jsonb_array_elements(items) e))
    ORDER BY oc.id FOR UPDATE;
  WITH item AS (
    SELECT e.n, (e.v->>'chat')::uuid AS chat, (e.v->>'senderUser')::uuid AS sender_user,
        (e.v->>'senderAccount')::uuid AS sender_account, (e.v->>'senderOrg')::uuid AS sender_org,
        coalesce((e.v->>'mayDuty')::boolean, false) AS may_duty, e.v->>'clientId' AS client_id,
        e.v->>'body' AS body, (e.v->>'riskOrg')::uuid AS risk_org, e.v->>'riskStamp' AS risk_stamp,
        (e.v->>'at')::timestamptz AS at
      FROM jsonb_array_elements(items) WITH ORDINALITY AS e(v, n)
  ), stamp AS (
    SELECT o.risk_org, lantern_risk_phrase_stamp(o.risk_org) AS stamp
      FROM (SELECT DISTINCT risk_org FROM item WHERE risk_org IS NOT NULL) o
  ), judged AS (
    SELECT i.*, c.account_id, c.service_id, c.status, c.last_seq, s.organisation_id AS org,
        CASE
          WHEN c.id IS NULL THEN NULL
          WHEN i.sender_user IS NULL THEN CASE WHEN c.account_id = i.sender_account THEN 'young-person' END
          WHEN c.counsellor_user_id = i.sender_user AND s.organisation_id = i.sender_org THEN 'counsellor'
          WHEN i.may_duty AND s.organisation_id = i.sender_org THEN 'duty-senior'
        END AS kind
      FROM item i
      LEFT JOIN online_chats c ON c.id = i.chat
      LEFT JOIN online_services s ON s.id = c.service_id
  ), ranked AS (
    SELECT j.*, to_jsonb(x) AS existing,
        row_number() OVER (PARTITION BY j.chat, j.kind, j.client_id ORDER BY j.n) AS occurrence,
        (j.kind IS NOT NULL AND j.status = 'active'
          AND (j.kind <> 'young-person' OR (j.risk_org = j.org AND j.risk_stamp = st.stamp))) AS may_store
      FROM judged j
      LEFT JOIN online_chat_messages x
        ON x.chat_id = j.chat AND x.sender_kind = j.kind AND x.client_message_id = j.client_id
      LEFT JOIN stamp st ON st.risk_org = j.risk_org
  ), fresh AS (
    SELECT r.n, r.last_seq + row_number() OVER (PARTITION BY r.chat ORDER BY r.n) AS seq
      FROM ranked r
      WHERE r.may_store AND r.existing IS NULL AND r.occurrence = 1
  ), stored AS (
    INSERT INTO online_chat_messages
        (chat_id, account_id, seq, sender_kind, sender_user_id, client_message_id, body, risk_matches, sent_at)
      SELECT r.chat, r.account_id, f.seq, r.kind, r.sender_user, r.client_id, r.body, NULL, r.at
        FROM fresh f JOIN ranked r ON r.n = f.n
      RETURNING *
  ), bumped AS (
    UPDATE online_chats oc SET last_seq = top.seq
      FROM (SELECT chat_id, max(seq) AS seq FROM stored GROUP BY chat_id) top
      WHERE oc.id = top.chat_id
  )
  SELECT coalesce(jsonb_agg(
      CASE
        WHEN r.kind IS NULL THEN jsonb_build_object('outcome', 'not-found')
        WHEN coalesce(to_jsonb(m), r.existing) IS NULL THEN
          jsonb_build_object('outcome', CASE WHEN r.status <> 'active' THEN 'ended' ELSE 'recheck' END)
        ELSE jsonb_build_object(
          'outcome', CASE WHEN r.existing IS NULL AND r.occurrence = 1 THEN 'stored' ELSE 'existing' END,
          'row', coalesce(r.existing, to_jsonb(m)),
          'serviceId', r.service_id,
          'username', (SELECT a.username FROM online_accounts a WHERE a.id = r.account_id),
          'senderName', (SELECT u.display_name FROM users u
            WHERE u.id = (coalesce(r.existing, to_jsonb(m))->>'sender_user_id')::uuid))
      END ORDER BY r.n), '[]'::jsonb)
    INTO results
    FROM ranked r
    LEFT JOIN stored m
      ON r.existing IS NULL AND m.chat_id = r.chat AND m.sender_kind = r.kind AND m.client_message_id = r.client_id;
  PERFORM set_config('lantern.scope', coalesce(caller_scope, ''), true);
  RETURN results;
END
$$;
--> statement-breakpoint
-- The risk phrases' fingerprint (migration 0020), unchanged, in plpgsql so its plan is kept between
-- calls (a SQL function's is made again at every call).
CREATE OR REPLACE FUNCTION lantern_risk_phrase_stamp(org uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT md5(coalesce(string_agg(id::text || ':' || category || ':' || phrase, ',' ORDER BY id), ''))
    FROM risk_phrases WHERE organisation_id = org AND retired_at IS NULL);
END
$$;
--> statement-breakpoint
-- The per-message function of migration 0023 is replaced by the statements above: one copy of the rules.
DROP FUNCTION lantern_store_chat_message(jsonb, uuid, uuid, uuid, boolean, text, text, uuid, boolean, timestamptz);
