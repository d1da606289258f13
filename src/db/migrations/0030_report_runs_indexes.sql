CREATE INDEX "report_runs_finished_at" ON "report_runs" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "report_runs_kind_started_at" ON "report_runs" USING btree ("kind","started_at");--> statement-breakpoint
-- A day's rollup reads the episodes closed that day (outcome facts): by index, not a scan of every episode.
CREATE INDEX IF NOT EXISTS "reporting_episodes_closed_idx" ON "episodes" USING btree ("closed_at");