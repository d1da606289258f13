-- A hash-chained row (access log or audit trail) appended in one round trip. Before, the server
-- took the chain's lock and read its tail (lantern_chain_tail, migration 0014), worked out the hash,
-- then inserted: the lock, which every read of a child's record needs, was held across two round
-- trips and the server's own event loop, and at load (5,000 chat sockets resuming at once) the
-- chain let through fewer than 200 rows a second. Now the server sends the row and the canonical
-- text of its content (src/domain/audit/hash-chain.ts), and this function takes the lock, reads
-- the tail and inserts the row with hash = sha256(previous hash, a newline, the canonical text),
-- exactly as chainHash does. The row is inserted inside the function, after the lock, so ids still
-- follow the chain's order (a default evaluated in the caller's statement could come before it).
-- Only at READ COMMITTED: in a repeatable-read or serializable transaction every statement reads
-- the snapshot taken at its first, so the tail read after the lock could be an older row and the
-- chain would fork without an error. Such a transaction must record the access after it commits.
CREATE FUNCTION lantern_append_chained(chain text, entry jsonb, content text, genesis text)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text;
  link text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'the % chain is appended only at read committed, not %', chain,
      current_setting('transaction_isolation');
  END IF;
  previous := coalesce(lantern_chain_tail(chain), genesis);
  link := encode(sha256(convert_to(previous || E'\n' || content, 'UTF8')), 'hex');
  IF chain = 'access_log' THEN
    INSERT INTO access_log (occurred_at, request_id, user_id, roles, organisation_id, basis,
        subject_kind, subject_id, action, outcome, reason, previous_hash, hash)
      SELECT r.occurred_at, r.request_id, r.user_id, r.roles, r.organisation_id, r.basis,
          r.subject_kind, r.subject_id, r.action, r.outcome, r.reason, previous, link
        FROM jsonb_populate_record(NULL::access_log, entry) r;
  ELSE
    INSERT INTO audit_log (occurred_at, request_id, user_id, entity, entity_id, action, before,
        after, previous_hash, hash)
      SELECT r.occurred_at, r.request_id, r.user_id, r.entity, r.entity_id, r.action, r.before,
          r.after, previous, link
        FROM jsonb_populate_record(NULL::audit_log, entry) r;
  END IF;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lantern_append_chained(text, jsonb, text, text) TO lantern_app;
