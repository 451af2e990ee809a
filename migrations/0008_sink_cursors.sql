CREATE TABLE "audit_sink_cursors" (
	"sink" text NOT NULL,
	"tenant" text NOT NULL,
	"seq" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_sink_cursors_sink_tenant_pk" PRIMARY KEY("sink","tenant")
);
--> statement-breakpoint
CREATE TABLE "audit_sink_leases" (
	"sink" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
