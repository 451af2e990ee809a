CREATE TABLE "audit_chain_heads" (
	"tenant" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant" text NOT NULL,
	"seq" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"direction" text,
	"visibility" text,
	"platform" text,
	"decision" text,
	"would_block" boolean DEFAULT false NOT NULL,
	"mode" text,
	"policy_version" text,
	"rules" jsonb NOT NULL,
	"kinds" jsonb NOT NULL,
	"findings" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"locale" text,
	"agent_id" text,
	"customer_fp" text,
	"thread_id" text,
	"post_id" text,
	"identity" jsonb,
	"details" jsonb,
	"linked_event_id" text,
	"idempotency_key" text,
	"request_fp" text,
	"hmac_key_id" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant" text NOT NULL,
	"event_id" text NOT NULL,
	"verdict" text NOT NULL,
	"note" text NOT NULL,
	"reviewer" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_policies" (
	"tenant" text NOT NULL,
	"version" integer NOT NULL,
	"policy" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "tenant_policies_tenant_version_pk" PRIMARY KEY("tenant","version")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_tenant_seq" ON "audit_events" USING btree ("tenant","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_tenant_idempotency" ON "audit_events" USING btree ("tenant","idempotency_key");--> statement-breakpoint
CREATE INDEX "audit_events_tenant_created" ON "audit_events" USING btree ("tenant","created_at");--> statement-breakpoint
CREATE INDEX "audit_reviews_event" ON "audit_reviews" USING btree ("tenant","event_id");