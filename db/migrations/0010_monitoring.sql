CREATE TYPE "public"."disposition_kind" AS ENUM('continue', 'rectify', 'adjust_budget', 'suspend', 'stop');--> statement-breakpoint
CREATE TYPE "public"."light" AS ENUM('green', 'yellow', 'red');--> statement-breakpoint
CREATE TYPE "public"."monitoring_report_state" AS ENUM('draft', 'dept_review', 'returned', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."rectification_state" AS ENUM('open', 'evidence_submitted', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."target_judgement" AS ENUM('met', 'probably', 'not_met');--> statement-breakpoint
CREATE TYPE "public"."warning_rule" AS ENUM('execution', 'target', 'idle');--> statement-breakpoint
CREATE TYPE "public"."warning_state" AS ENUM('open', 'disposed');--> statement-breakpoint
CREATE TABLE "monitoring_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"through_month" smallint NOT NULL,
	"deadline" date NOT NULL,
	"opened_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_report_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"value_reached" varchar(200),
	"expected_value" varchar(200),
	"judgement" "target_judgement",
	"deviation_reason" text,
	"corrective_measure" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_id" integer NOT NULL,
	"objective_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"state" "monitoring_report_state" DEFAULT 'draft' NOT NULL,
	"budget" numeric(18, 2) NOT NULL,
	"adjusted_budget" numeric(18, 2),
	"executed_amount" numeric(18, 2),
	"execution_index" numeric(12, 2),
	"execution_light" "light",
	"submitted_at" timestamp with time zone,
	"review_comment" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_warnings" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"objective_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"rule" "warning_rule" NOT NULL,
	"light" "light" NOT NULL,
	"indicator_ordinal" smallint,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" "warning_state" DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disposition_id" integer NOT NULL,
	"filename" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_dispositions" (
	"id" serial PRIMARY KEY NOT NULL,
	"warning_id" integer NOT NULL,
	"kind" "disposition_kind" NOT NULL,
	"comment" text NOT NULL,
	"rectify_deadline" date,
	"rectification_state" "rectification_state",
	"evidence" text,
	"evidence_at" timestamp with time zone,
	"evidence_review" text,
	"decided_by" integer NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_periods" ADD CONSTRAINT "monitoring_periods_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_periods" ADD CONSTRAINT "monitoring_periods_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_report_indicators" ADD CONSTRAINT "monitoring_report_indicators_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_period_id_monitoring_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."monitoring_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_version_id_objective_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."objective_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_period_id_monitoring_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."monitoring_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_files" ADD CONSTRAINT "rectification_files_disposition_id_warning_dispositions_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."warning_dispositions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_files" ADD CONSTRAINT "rectification_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_dispositions" ADD CONSTRAINT "warning_dispositions_warning_id_monitoring_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."monitoring_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_dispositions" ADD CONSTRAINT "warning_dispositions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_periods_uq" ON "monitoring_periods" USING btree ("region_id","fiscal_year","through_month");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_report_indicators_uq" ON "monitoring_report_indicators" USING btree ("report_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_reports_period_objective_uq" ON "monitoring_reports" USING btree ("period_id","objective_id");--> statement-breakpoint
CREATE INDEX "monitoring_reports_objective_idx" ON "monitoring_reports" USING btree ("objective_id","period_id");--> statement-breakpoint
CREATE INDEX "monitoring_reports_owner_state_idx" ON "monitoring_reports" USING btree ("owner_org_id","state");--> statement-breakpoint
CREATE INDEX "monitoring_reports_dept_state_idx" ON "monitoring_reports" USING btree ("department_org_id","state");--> statement-breakpoint
CREATE INDEX "monitoring_warnings_region_idx" ON "monitoring_warnings" USING btree ("region_id","light","created_at");--> statement-breakpoint
CREATE INDEX "monitoring_warnings_dept_idx" ON "monitoring_warnings" USING btree ("department_org_id","light");--> statement-breakpoint
CREATE INDEX "monitoring_warnings_report_idx" ON "monitoring_warnings" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "rectification_files_disposition_idx" ON "rectification_files" USING btree ("disposition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_dispositions_warning_uq" ON "warning_dispositions" USING btree ("warning_id");--> statement-breakpoint
CREATE INDEX "warning_dispositions_rect_idx" ON "warning_dispositions" USING btree ("rectification_state");