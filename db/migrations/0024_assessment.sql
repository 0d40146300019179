CREATE TYPE "public"."assessed_kind" AS ENUM('department', 'finance');--> statement-breakpoint
CREATE TYPE "public"."assessment_round_state" AS ENUM('open', 'computed', 'released', 'published');--> statement-breakpoint
CREATE TYPE "public"."assessment_framework_status" AS ENUM('draft', 'active', 'retired');--> statement-breakpoint
CREATE TYPE "public"."objection_outcome" AS ENUM('upheld', 'dismissed');--> statement-breakpoint
CREATE TABLE "assessment_frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"number" smallint NOT NULL,
	"name" varchar(100) NOT NULL,
	"status" "assessment_framework_status" DEFAULT 'draft' NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"framework" jsonb NOT NULL,
	"based_on_id" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"kind" "assessed_kind" NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"judged" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"difficulty" numeric(4, 2) DEFAULT '1' NOT NULL,
	"raw_score" numeric(6, 2),
	"final_score" numeric(6, 2),
	"grade" "grade",
	"rank" integer,
	"objection" text,
	"objection_at" timestamp with time zone,
	"objection_by" integer,
	"objection_outcome" "objection_outcome",
	"objection_reply" text,
	"objection_decided_by" integer,
	"objection_decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"framework_id" integer NOT NULL,
	"state" "assessment_round_state" DEFAULT 'open' NOT NULL,
	"objection_deadline" date NOT NULL,
	"disclose" boolean DEFAULT false NOT NULL,
	"progress_done" smallint DEFAULT 0 NOT NULL,
	"progress_total" smallint DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone,
	"compute_ms" integer,
	"published_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_frameworks" ADD CONSTRAINT "assessment_frameworks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_frameworks" ADD CONSTRAINT "assessment_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_objection_by_users_id_fk" FOREIGN KEY ("objection_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_objection_decided_by_users_id_fk" FOREIGN KEY ("objection_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_framework_id_assessment_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."assessment_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_frameworks_number_uq" ON "assessment_frameworks" USING btree ("region_id","fiscal_year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_frameworks_active_uq" ON "assessment_frameworks" USING btree ("region_id","fiscal_year") WHERE "assessment_frameworks"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_round_org_uq" ON "assessment_results" USING btree ("round_id","org_id");--> statement-breakpoint
CREATE INDEX "assessment_results_org_idx" ON "assessment_results" USING btree ("org_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_rounds_region_year_uq" ON "assessment_rounds" USING btree ("region_id","fiscal_year");