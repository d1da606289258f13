-- Emails are matched without regard to case, so two accounts must not differ only in case.
CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email));
--> statement-breakpoint
-- A person holds a given role in a given team or school at most once at a time, so two grants
-- sent at the same moment cannot both land.
CREATE UNIQUE INDEX user_roles_one_active_grant ON user_roles (
  user_id, role, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(school_urn, 0)
) WHERE revoked_at IS NULL;
