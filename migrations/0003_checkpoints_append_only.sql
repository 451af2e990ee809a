-- Signed checkpoints are kept for good: a purge removes events, never the checkpoints
-- the remaining chain is verified from.
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION sargas_refuse_change();
--> statement-breakpoint
ALTER TABLE audit_checkpoints ENABLE ALWAYS TRIGGER audit_checkpoints_append_only;
