CREATE TYPE "public"."key_evaluation_state" AS ENUM('assigned', 'submitted', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."proposal_rule" AS ENUM('none', 'cut', 'as_requested', 'priority');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('proposed', 'confirmed', 'overridden');--> statement-breakpoint
CREATE TYPE "public"."rectification_task_state" AS ENUM('open', 'submitted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rule_set_status" AS ENUM('draft', 'active', 'retired');--> statement-breakpoint
CREATE TYPE "public"."re_evaluation_reason" AS ENUM('random', 'warning');--> statement-breakpoint
CREATE TYPE "public"."self_evaluation_state" AS ENUM('draft', 'dept_review', 'finance_review', 'returned', 'accepted');--> statement-breakpoint
CREATE TABLE "budget_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"self_evaluation_id" integer NOT NULL,
	"project_id" integer,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"grade" "grade" NOT NULL,
	"rule" "proposal_rule" NOT NULL,
	"requested_amount" numeric(18, 2) NOT NULL,
	"proposed_amount" numeric(18, 2) NOT NULL,
	"cut_percent" numeric(5, 2),
	"rectification_required" boolean DEFAULT false NOT NULL,
	"exception_reason" text,
	"status" "proposal_status" DEFAULT 'proposed' NOT NULL,
	"confirmed_amount" numeric(18, 2),
	"override_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"number" smallint NOT NULL,
	"name" varchar(100) NOT NULL,
	"status" "rule_set_status" DEFAULT 'draft' NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"rules" jsonb NOT NULL,
	"based_on_id" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"agency_org_id" integer,
	"state" "key_evaluation_state" DEFAULT 'assigned' NOT NULL,
	"weights" jsonb NOT NULL,
	"scores" jsonb,
	"total_score" numeric(5, 2),
	"grade" "grade",
	"findings" text,
	"recommendations" text,
	"reason" varchar(200),
	"created_by" integer,
	"filled_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "re_evaluation_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"sample_id" integer NOT NULL,
	"self_evaluation_id" integer NOT NULL,
	"reason" "re_evaluation_reason" NOT NULL,
	"self_score" numeric(5, 2) NOT NULL,
	"re_score" numeric(5, 2),
	"inflated" boolean,
	"note" text,
	"scored_by" integer,
	"scored_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "re_evaluation_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"percent" numeric(5, 2) NOT NULL,
	"seed" integer NOT NULL,
	"candidates" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"self_evaluation_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"state" "rectification_task_state" DEFAULT 'open' NOT NULL,
	"evidence" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_evaluation_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"self_evaluation_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"filename" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"state" "self_evaluation_state" DEFAULT 'draft' NOT NULL,
	"budget_amount" numeric(18, 2) NOT NULL,
	"executed_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"execution_explanation" text,
	"actuals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"rule_set_id" integer,
	"total_score" numeric(5, 2),
	"grade" "grade",
	"breakdown" jsonb,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_self_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rule_sets" ADD CONSTRAINT "evaluation_rule_sets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rule_sets" ADD CONSTRAINT "evaluation_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_agency_org_id_orgs_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_filled_by_users_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_items" ADD CONSTRAINT "re_evaluation_items_sample_id_re_evaluation_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."re_evaluation_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_items" ADD CONSTRAINT "re_evaluation_items_self_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_items" ADD CONSTRAINT "re_evaluation_items_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_samples" ADD CONSTRAINT "re_evaluation_samples_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_samples" ADD CONSTRAINT "re_evaluation_samples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_self_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluation_evidence" ADD CONSTRAINT "self_evaluation_evidence_self_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluation_evidence" ADD CONSTRAINT "self_evaluation_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_version_id_objective_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."objective_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_rule_set_id_evaluation_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."evaluation_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_proposals_evaluation_uq" ON "budget_proposals" USING btree ("self_evaluation_id");--> statement-breakpoint
CREATE INDEX "budget_proposals_region_year_idx" ON "budget_proposals" USING btree ("region_id","fiscal_year","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rule_sets_number_uq" ON "evaluation_rule_sets" USING btree ("region_id","fiscal_year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rule_sets_active_uq" ON "evaluation_rule_sets" USING btree ("region_id","fiscal_year") WHERE "evaluation_rule_sets"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "key_evaluations_objective_uq" ON "key_evaluations" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "key_evaluations_region_year_idx" ON "key_evaluations" USING btree ("region_id","fiscal_year","state");--> statement-breakpoint
CREATE INDEX "key_evaluations_agency_idx" ON "key_evaluations" USING btree ("agency_org_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "re_evaluation_items_uq" ON "re_evaluation_items" USING btree ("sample_id","self_evaluation_id");--> statement-breakpoint
CREATE INDEX "re_evaluation_items_se_idx" ON "re_evaluation_items" USING btree ("self_evaluation_id");--> statement-breakpoint
CREATE INDEX "re_evaluation_samples_region_year_idx" ON "re_evaluation_samples" USING btree ("region_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "rectification_tasks_owner_idx" ON "rectification_tasks" USING btree ("owner_org_id","state","deadline");--> statement-breakpoint
CREATE INDEX "rectification_tasks_region_idx" ON "rectification_tasks" USING btree ("region_id","state","deadline");--> statement-breakpoint
CREATE INDEX "self_evaluation_evidence_idx" ON "self_evaluation_evidence" USING btree ("self_evaluation_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "self_evaluations_objective_uq" ON "self_evaluations" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "self_evaluations_region_year_idx" ON "self_evaluations" USING btree ("region_id","fiscal_year","state","id");--> statement-breakpoint
CREATE INDEX "self_evaluations_dept_idx" ON "self_evaluations" USING btree ("department_org_id","state");--> statement-breakpoint
CREATE INDEX "self_evaluations_owner_idx" ON "self_evaluations" USING btree ("owner_org_id","fiscal_year");