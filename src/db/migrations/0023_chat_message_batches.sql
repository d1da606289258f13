-- Online support chat at load (issue 7, ADR 0021): several chat messages stored by one statement,
-- so one commit (one wait for the write-ahead log) serves every message that arrived while the
-- previous batch was being stored.
--
-- lantern_store_chat_message stores one, as lantern_append_chat_message (migration 0020) does,
-- with less work: the chat and its service are read together, and a new message is inserted first
-- and looked up only when it turns out to be a resend. risk_ok says the young person's message was
-- matched against the risk phrases in use now (the batch works that out once per organisation).
-- Outcomes: 'stored', 'existing' (a resend), 'not-found', 'ended', 'recheck'.
CREATE FUNCTION lantern_store_chat_message(
  scope jsonb, chat uuid, sender_user uuid, sender_account uuid, may_duty boolean,
  client_id text, message_body text, risk_org uuid, risk_ok boolean, at timestamptz
) RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  c record;
  kind text;
  m online_chat_messages%ROWTYPE;
  result text;
BEGIN
  PERFORM set_config('lantern.scope', scope::text, true);
  SELECT oc.id, oc.account_id, oc.service_id, oc.status, oc.counsellor_user_id, oc.last_seq,
      s.organisation_id AS org INTO c
    FROM online_chats oc JOIN online_services s ON s.id = oc.service_id
    WHERE oc.id = chat FOR UPDATE OF oc;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'not-found');
  END IF;
  IF sender_user IS NULL THEN
    IF c.account_id IS DISTINCT FROM sender_account THEN
      RETURN jsonb_build_object('outcome', 'not-found');
    END IF;
    kind := 'young-person';
  ELSIF c.counsellor_user_id = sender_user THEN
    kind := 'counsellor';
  ELSIF may_duty THEN
    kind := 'duty-senior';
  ELSE
    RETURN jsonb_build_object('outcome', 'not-found');
  END IF;
  IF c.status = 'active' AND (kind <> 'young-person' OR (risk_org = c.org AND risk_ok)) THEN
    INSERT INTO online_chat_messages
        (chat_id, account_id, seq, sender_kind, sender_user_id, client_message_id, body, risk_matches, sent_at)
      VALUES (chat, c.account_id, c.last_seq + 1, kind, sender_user, client_id, message_body, NULL, at)
      ON CONFLICT (chat_id, sender_kind, client_message_id) DO NOTHING
      RETURNING * INTO m;
    IF FOUND THEN
      UPDATE online_chats SET last_seq = c.last_seq + 1 WHERE online_chats.id = chat;
      result := 'stored';
    END IF;
  END IF;
  IF result IS NULL THEN
    SELECT * INTO m FROM online_chat_messages x
      WHERE x.chat_id = chat AND x.sender_kind = kind AND x.client_message_id = client_id;
    IF FOUND THEN
      result := 'existing';
    ELSIF c.status <> 'active' THEN
      RETURN jsonb_build_object('outcome', 'ended');
    ELSE
      RETURN jsonb_build_object('outcome', 'recheck');
    END IF;
  END IF;
  RETURN jsonb_build_object(
    'outcome', result,
    'row', to_jsonb(m),
    'serviceId', c.service_id,
    'username', (SELECT a.username FROM online_accounts a WHERE a.id = c.account_id),
    'senderName', (SELECT u.display_name FROM users u WHERE u.id = m.sender_user_id));
END
$$;
--> statement-breakpoint
-- The batch: items in the order given, outcomes in the same order. Each item is stored under its
-- own sender's scope. Risk phrase fingerprints are worked out once per organisation per batch. The
-- caller sorts items by chat, keeping each chat's order, so two batches always lock chats in the
-- same order and cannot deadlock.
CREATE FUNCTION lantern_append_chat_messages(items jsonb) RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  item jsonb;
  stamps jsonb := '{}'::jsonb;
  org text;
  results jsonb := '[]'::jsonb;
BEGIN
  FOR item IN SELECT e.value FROM jsonb_array_elements(items) WITH ORDINALITY AS e(value, n) ORDER BY e.n LOOP
    org := item->>'riskOrg';
    IF org IS NOT NULL AND NOT stamps ? org THEN
      stamps := stamps || jsonb_build_object(org, lantern_risk_phrase_stamp(org::uuid));
    END IF;
    results := results || jsonb_build_array(lantern_store_chat_message(
      item->'scope', (item->>'chat')::uuid, (item->>'senderUser')::uuid, (item->>'senderAccount')::uuid,
      (item->>'mayDuty')::boolean, item->>'clientId', item->>'body', org::uuid,
      org IS NOT NULL AND stamps->>org = item->>'riskStamp', (item->>'at')::timestamptz));
  END LOOP;
  RETURN results;
END
$$;
--> statement-breakpoint
-- The one-message function of migration 0020 is replaced by the two above: one copy of the rules.
DROP FUNCTION lantern_append_chat_message(jsonb, uuid, uuid, uuid, boolean, text, text, uuid, text, timestamptz);
