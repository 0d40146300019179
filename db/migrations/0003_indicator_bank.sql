CREATE TYPE "public"."change_kind" AS ENUM('add', 'adjust', 'retire');--> statement-breakpoint
CREATE TYPE "public"."change_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "indicator_change_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "change_kind" NOT NULL,
	"indicator_code" varchar(40),
	"base_version" integer,
	"proposed" jsonb,
	"reason" text NOT NULL,
	"status" "change_status" DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"proposer_id" integer NOT NULL,
	"proposer_org_id" integer NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" integer NOT NULL,
	"filename" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" varchar(20) PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"parent_code" varchar(20),
	"ordinal" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_change_requests" ADD CONSTRAINT "indicator_change_requests_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_change_requests" ADD CONSTRAINT "indicator_change_requests_proposer_org_id_orgs_id_fk" FOREIGN KEY ("proposer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_change_requests" ADD CONSTRAINT "indicator_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_request_id_indicator_change_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."indicator_change_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_changes_status_idx" ON "indicator_change_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "indicator_changes_code_idx" ON "indicator_change_requests" USING btree ("indicator_code");--> statement-breakpoint
CREATE INDEX "indicator_evidence_request_idx" ON "indicator_evidence" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_current_code_uq" ON "indicators" USING btree ("code") WHERE "indicators"."is_current";--> statement-breakpoint
CREATE INDEX "indicators_grams_idx" ON "indicators" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "indicators_current_idx" ON "indicators" USING btree ("is_current","status","level1","sector");