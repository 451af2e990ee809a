CREATE TABLE "audit_checkpoints" (
	"tenant" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"jws" text NOT NULL,
	CONSTRAINT "audit_checkpoints_tenant_seq_pk" PRIMARY KEY("tenant","seq")
);
--> statement-breakpoint
ALTER TABLE "audit_chain_heads" ADD COLUMN "base_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_heads" ADD COLUMN "base_hash" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;