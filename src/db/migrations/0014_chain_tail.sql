-- The hash chains' tail in one round trip: take the chain's lock for the transaction, then read the
-- newest hash. In PL/pgSQL the SELECT runs with a snapshot taken after the lock is held, so it sees
-- the row the previous holder committed (a single SQL statement's snapshot would be older).
CREATE FUNCTION lantern_chain_tail(chain text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  tail text;
BEGIN
  IF chain = 'access_log' THEN
    PERFORM pg_advisory_xact_lock(42420101);
    SELECT hash INTO tail FROM access_log ORDER BY id DESC LIMIT 1;
  ELSIF chain = 'audit_log' THEN
    PERFORM pg_advisory_xact_lock(42420102);
    SELECT hash INTO tail FROM audit_log ORDER BY id DESC LIMIT 1;
  ELSE
    RAISE EXCEPTION 'no chain %', chain;
  END IF;
  RETURN tail;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lantern_chain_tail(text) TO lantern_app;
