-- Online support chat at load (issue 7, ADR 0021): the fingerprint of an organisation's risk phrases
-- in use. The server keeps the phrases in memory for a while; a message is only stored without the
-- full transaction when the phrases it was matched against are still exactly the ones in use.
CREATE FUNCTION lantern_risk_phrase_stamp(org uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT md5(coalesce(string_agg(id::text || ':' || category || ':' || phrase, ',' ORDER BY id), ''))
  FROM risk_phrases WHERE organisation_id = org AND retired_at IS NULL
$$;
--> statement-breakpoint
-- Stores one chat message in one round trip, called as a single statement outside any transaction.
-- SECURITY INVOKER: row-level security applies to the scope it is given (set for this statement
-- only). The chat row is locked, so messages are numbered in the order they are stored, with no
-- gaps. Outcomes: 'stored'; 'existing' (a resend: the stored message, even after the chat ended);
-- 'not-found' (not visible, or not the sender's to reach); 'ended'; 'recheck' (a young person's
-- message whose risk phrases changed since the server matched it: the caller takes the full path,
-- which also raises any alert). A message with risk matches never comes here.
CREATE FUNCTION lantern_append_chat_message(
  scope jsonb, chat uuid, sender_user uuid, sender_account uuid, may_duty boolean,
  client_id text, message_body text, risk_org uuid, risk_stamp text, at timestamptz
) RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  c record;
  kind text;
  org uuid;
  m online_chat_messages%ROWTYPE;
  result text;
BEGIN
  PERFORM set_config('lantern.scope', scope::text, true);
  SELECT oc.id, oc.account_id, oc.service_id, oc.status, oc.counsellor_user_id, oc.last_seq INTO c
    FROM online_chats oc WHERE oc.id = chat FOR UPDATE;
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
  SELECT s.organisation_id INTO org FROM online_services s WHERE s.id = c.service_id;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'not-found');
  END IF;
  SELECT * INTO m FROM online_chat_messages x
    WHERE x.chat_id = chat AND x.sender_kind = kind AND x.client_message_id = client_id;
  IF FOUND THEN
    result := 'existing';
  ELSE
    IF c.status <> 'active' THEN
      RETURN jsonb_build_object('outcome', 'ended');
    END IF;
    IF kind = 'young-person' AND (risk_org IS DISTINCT FROM org
        OR risk_stamp IS DISTINCT FROM lantern_risk_phrase_stamp(org)) THEN
      RETURN jsonb_build_object('outcome', 'recheck');
    END IF;
    UPDATE online_chats SET last_seq = c.last_seq + 1 WHERE online_chats.id = chat;
    INSERT INTO online_chat_messages
        (chat_id, account_id, seq, sender_kind, sender_user_id, client_message_id, body, risk_matches, sent_at)
      VALUES (chat, c.account_id, c.last_seq + 1, kind, sender_user, client_id, message_body, NULL, at)
      RETURNING * INTO m;
    result := 'stored';
  END IF;
  RETURN jsonb_build_object(
    'outcome', result,
    'row', to_jsonb(m),
    'serviceId', c.service_id,
    'username', (SELECT a.username FROM online_accounts a WHERE a.id = c.account_id),
    'senderName', (SELECT u.display_name FROM users u WHERE u.id = m.sender_user_id));
END
$$;
