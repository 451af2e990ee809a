ALTER TABLE "audit_chain_heads" ADD COLUMN "tree_from" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_heads" ADD COLUMN "frontier" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_heads" ADD COLUMN "base_frontier" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD COLUMN "root" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seal" text;