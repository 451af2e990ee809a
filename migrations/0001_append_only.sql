-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE
-- of events and reviews. ENABLE ALWAYS keeps the triggers firing even for sessions with
-- session_replication_role = replica. A retention purge deletes inside a transaction that
-- first runs SET LOCAL sargas.purge = on, the only way past the trigger (docs/audit.md).
CREATE OR REPLACE FUNCTION sargas_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('sargas.purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'sargas: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION sargas_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION sargas_refuse_change();
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_append_only;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_no_truncate;
--> statement-breakpoint
CREATE TRIGGER audit_reviews_append_only BEFORE UPDATE OR DELETE ON audit_reviews
  FOR EACH ROW EXECUTE FUNCTION sargas_refuse_change();
--> statement-breakpoint
ALTER TABLE audit_reviews ENABLE ALWAYS TRIGGER audit_reviews_append_only;
--> statement-breakpoint
CREATE TRIGGER tenant_policies_append_only BEFORE UPDATE OR DELETE ON tenant_policies
  FOR EACH ROW EXECUTE FUNCTION sargas_refuse_change();
--> statement-breakpoint
ALTER TABLE tenant_policies ENABLE ALWAYS TRIGGER tenant_policies_append_only;
