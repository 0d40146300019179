CREATE TYPE "public"."appraisal_conclusion" AS ENUM('support', 'support_after_revision', 'not_support');--> statement-breakpoint
CREATE TYPE "public"."attachment_kind" AS ENUM('feasibility', 'approval', 'budget', 'other');--> statement-breakpoint
CREATE TYPE "public"."comparison" AS ENUM('gte', 'lte', 'eq', 'qualitative');--> statement-breakpoint
CREATE TYPE "public"."fund_source" AS ENUM('general_budget', 'government_fund', 'state_capital', 'superior_transfer', 'other');--> statement-breakpoint
CREATE TYPE "public"."grade" AS ENUM('excellent', 'good', 'fair', 'poor');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('common', 'sector');--> statement-breakpoint
CREATE TYPE "public"."indicator_level1" AS ENUM('output', 'benefit', 'satisfaction', 'cost');--> statement-breakpoint
CREATE TYPE "public"."indicator_level2" AS ENUM('quantity', 'quality', 'timeliness', 'cost', 'economic', 'social', 'ecological', 'sustainable', 'satisfaction');--> statement-breakpoint
CREATE TYPE "public"."indicator_status" AS ENUM('active', 'retired');--> statement-breakpoint
CREATE TYPE "public"."objective_state" AS ENUM('draft', 'dept_review', 'finance_review', 'returned', 'approved', 'rejected', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."project_category" AS ENUM('special_fund', 'other_development', 'operation', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."project_state" AS ENUM('reserve', 'admitted', 'budgeted', 'executing', 'completed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."review_result" AS ENUM('pass', 'return', 'reject');--> statement-breakpoint
CREATE TYPE "public"."review_stage" AS ENUM('department', 'finance');--> statement-breakpoint
CREATE TYPE "public"."subject_kind" AS ENUM('project', 'department', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."version_kind" AS ENUM('original', 'adjustment');--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" varchar(200) NOT NULL,
	"level1" "indicator_level1" NOT NULL,
	"level2" "indicator_level2" NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"sector" varchar(40),
	"unit" varchar(30),
	"comparison" "comparison" NOT NULL,
	"explanation" text,
	"formula" text,
	"scoring_rule" text,
	"reference_values" jsonb,
	"subject_kinds" varchar(60) DEFAULT 'project,department,transfer' NOT NULL,
	"owner_org_id" integer,
	"status" "indicator_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"dimensions" jsonb NOT NULL,
	"total_score" numeric(5, 2) NOT NULL,
	"conclusion" "appraisal_conclusion" NOT NULL,
	"summary" text,
	"appraiser_id" integer NOT NULL,
	"agency_org_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(200) NOT NULL,
	"tier" smallint DEFAULT 2 NOT NULL,
	"parent_id" integer,
	"category" "project_category" NOT NULL,
	"owner_org_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"total_amount" numeric(18, 2) NOT NULL,
	"annual_amounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fund_source" "fund_source" NOT NULL,
	"policy_basis" text,
	"is_new" boolean DEFAULT true NOT NULL,
	"state" "project_state" DEFAULT 'reserve' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" integer NOT NULL,
	"kind" "attachment_kind" NOT NULL,
	"filename" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective_indicators" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"fund_use" varchar(200),
	"level1" "indicator_level1" NOT NULL,
	"level2" "indicator_level2" NOT NULL,
	"name" varchar(200) NOT NULL,
	"comparison" "comparison" NOT NULL,
	"annual_target" varchar(200),
	"period_target" varchar(200),
	"unit" varchar(30),
	"weight" numeric(6, 2),
	"explanation" text,
	"formula" text,
	"indicator_id" integer,
	"custom_reason" text
);
--> statement-breakpoint
CREATE TABLE "objective_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"kind" "version_kind" DEFAULT 'original' NOT NULL,
	"basic" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"funding" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fund_uses" text,
	"requested_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"plan" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overall_goal" text,
	"annual_goal" text,
	"adjustment_reason" text,
	"edit_version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_kind" "subject_kind" NOT NULL,
	"project_id" integer,
	"owner_org_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"title" varchar(200) NOT NULL,
	"requested_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"state" "objective_state" DEFAULT 'draft' NOT NULL,
	"current_version_id" integer,
	"approved_version_id" integer,
	"is_key" boolean DEFAULT false NOT NULL,
	"grade" "grade",
	"parent_objective_id" integer,
	"allocated_amount" numeric(18, 2),
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"stage" "review_stage" NOT NULL,
	"result" "review_result" NOT NULL,
	"grade" "grade",
	"score" numeric(5, 2),
	"reasons" text,
	"indicator_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reviewer_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_id_users_id_fk" FOREIGN KEY ("appraiser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_agency_org_id_orgs_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_version_id_objective_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."objective_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_indicators" ADD CONSTRAINT "objective_indicators_version_id_objective_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."objective_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_indicators" ADD CONSTRAINT "objective_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_versions" ADD CONSTRAINT "objective_versions_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_versions" ADD CONSTRAINT "objective_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_version_id_objective_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."objective_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_version_uq" ON "indicators" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "indicators_status_level_idx" ON "indicators" USING btree ("status","level1","level2");--> statement-breakpoint
CREATE INDEX "indicators_name_idx" ON "indicators" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "appraisals_project_idx" ON "appraisals" USING btree ("project_id","fiscal_year","id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "projects" USING btree ("owner_org_id","state");--> statement-breakpoint
CREATE INDEX "projects_dept_idx" ON "projects" USING btree ("department_org_id");--> statement-breakpoint
CREATE INDEX "projects_region_state_idx" ON "projects" USING btree ("region_id","state");--> statement-breakpoint
CREATE INDEX "projects_parent_idx" ON "projects" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "attachments_version_idx" ON "attachments" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "objective_indicators_version_idx" ON "objective_indicators" USING btree ("version_id","ordinal");--> statement-breakpoint
CREATE INDEX "objective_indicators_bank_idx" ON "objective_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_versions_number_uq" ON "objective_versions" USING btree ("objective_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_project_year_uq" ON "objectives" USING btree ("project_id","fiscal_year") WHERE "objectives"."project_id" is not null and "objectives"."parent_objective_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_dept_year_uq" ON "objectives" USING btree ("owner_org_id","fiscal_year") WHERE "objectives"."subject_kind" = 'department';--> statement-breakpoint
CREATE INDEX "objectives_dept_state_idx" ON "objectives" USING btree ("department_org_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "objectives_region_state_idx" ON "objectives" USING btree ("region_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "objectives_owner_idx" ON "objectives" USING btree ("owner_org_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "objectives_parent_idx" ON "objectives" USING btree ("parent_objective_id");--> statement-breakpoint
CREATE INDEX "reviews_objective_idx" ON "reviews" USING btree ("objective_id","id");