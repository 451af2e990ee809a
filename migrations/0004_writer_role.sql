-- Least privilege for the running service (docs/audit.md): the role sargas_writer may read
-- and append, never change or remove. Migrations run as the tables' owner; in production the
-- service logs in as a role granted sargas_writer and nothing more, so it can neither delete
-- rows nor switch the append-only triggers off (only a table's owner may ALTER it). Roles
-- belong to the whole cluster: every Sargas database on it grants to the same one. An owner
-- without CREATEROLE cannot create it: the grants are then skipped with a notice (the
-- triggers still refuse every change); a database administrator can create the role and
-- run the grants below by hand.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sargas_writer') THEN
    BEGIN
      CREATE ROLE sargas_writer NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'sargas: no CREATEROLE privilege, role sargas_writer not created; grants skipped';
    END;
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON audit_events, audit_reviews, audit_checkpoints, audit_chain_heads, tenant_policies FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sargas_writer') THEN
    GRANT SELECT, INSERT ON audit_events, audit_reviews, audit_checkpoints, tenant_policies TO sargas_writer;
    -- the chain head moves with every append
    GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO sargas_writer;
    -- readiness reads which migrations are applied
    GRANT USAGE ON SCHEMA drizzle TO sargas_writer;
    GRANT SELECT ON drizzle.__drizzle_migrations TO sargas_writer;
  END IF;
END
$$;
--> statement-breakpoint
-- Retention is the one way to remove events: a whole range from the start of a tenant's
-- chain, ending at an event whose signed checkpoint is stored, run with the owner's rights.
CREATE OR REPLACE FUNCTION sargas_purge(p_tenant text, p_through bigint) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  boundary_hash text;
  removed integer;
BEGIN
  SELECT c.hash INTO boundary_hash FROM audit_checkpoints c
    JOIN audit_events e ON e.tenant = c.tenant AND e.seq = c.seq AND e.hash = c.hash
    WHERE c.tenant = p_tenant AND c.seq = p_through;
  IF boundary_hash IS NULL THEN
    RAISE EXCEPTION 'sargas: a purge must end at an event with a stored checkpoint' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('sargas.purge', 'on', true);
  DELETE FROM audit_reviews r USING audit_events e
    WHERE e.tenant = p_tenant AND e.seq <= p_through AND r.tenant = p_tenant AND r.event_id = e.id;
  DELETE FROM audit_events WHERE tenant = p_tenant AND seq <= p_through;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('sargas.purge', 'off', true);
  UPDATE audit_chain_heads SET base_seq = p_through, base_hash = boundary_hash WHERE tenant = p_tenant;
  RETURN removed;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sargas_purge(text, bigint) FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sargas_writer') THEN
    GRANT EXECUTE ON FUNCTION sargas_purge(text, bigint) TO sargas_writer;
  END IF;
END
$$;
