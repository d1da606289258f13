-- Lantern's requests run as lantern_app: not a superuser, owns no tables, and holds only these
-- grants. Row-level security policies on tables holding a child's data are written for this role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lantern_app') THEN
    CREATE ROLE lantern_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT lantern_app TO %I', current_user);
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO lantern_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO lantern_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lantern_app;
--> statement-breakpoint
-- The access log and audit trail: add and read, never change.
REVOKE UPDATE ON access_log, audit_log FROM lantern_app;
--> statement-breakpoint
-- The only table rows are ever deleted from: failed sign-in counts, cleared on success.
GRANT DELETE ON sign_in_throttle TO lantern_app;
--> statement-breakpoint
-- So /api/ready can tell whether migrations are current.
GRANT USAGE ON SCHEMA drizzle TO lantern_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO lantern_app;
--> statement-breakpoint
-- Tables and sequences later migrations create get the same grants; each such migration revokes
-- what a table must not allow and turns on row-level security where it holds a child's data.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO lantern_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lantern_app;
