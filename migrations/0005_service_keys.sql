CREATE TABLE "service_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"first_used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Published keys are kept for good, like the checkpoints they verify.
CREATE TRIGGER service_keys_append_only BEFORE UPDATE OR DELETE ON service_keys
  FOR EACH ROW EXECUTE FUNCTION sargas_refuse_change();
--> statement-breakpoint
ALTER TABLE service_keys ENABLE ALWAYS TRIGGER service_keys_append_only;
--> statement-breakpoint
REVOKE ALL ON service_keys FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sargas_writer') THEN
    GRANT SELECT, INSERT ON service_keys TO sargas_writer;
  END IF;
END
$$;
