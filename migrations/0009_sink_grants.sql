-- The sinks' cursors and leases (docs/sinks.md): the service moves them, so the append-only
-- role may update these two tables (never the events). Kept apart from the generated
-- migration so it can be renumbered on merge.
REVOKE ALL ON audit_sink_cursors, audit_sink_leases FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sargas_writer') THEN
    GRANT SELECT, INSERT, UPDATE ON audit_sink_cursors, audit_sink_leases TO sargas_writer;
  END IF;
END
$$;
