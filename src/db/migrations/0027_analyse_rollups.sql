-- Fresh planner statistics for the rollup tables straight after a full rebuild (issue 8). A rebuild
-- replaces every row in one transaction; until autovacuum next analyses the tables (a minute or
-- more), the planner still believes the old row counts and picked plans three times slower for
-- the dashboard's reads (measured on 3.5 million rollup rows). Only a table's owner may ANALYZE
-- it, so the app role calls this function, which runs as the owner and analyses these three
-- tables and nothing else. It reads no rows out and takes no argument.
CREATE FUNCTION lantern_analyse_rollups() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS $$
BEGIN
  ANALYZE report_counts;
  ANALYZE report_people;
  ANALYZE report_day_facts;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lantern_analyse_rollups() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lantern_analyse_rollups() TO lantern_app;
