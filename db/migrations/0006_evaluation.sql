CREATE TYPE "public"."proposal_rule" AS ENUM('none', 'cut', 'as_requested', 'priority');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('proposed', 'confirmed', 'overridden');--> statement-breakpoint
CREATE TYPE "public"."rule_set_status" AS ENUM('draft', 'active', 'retired');--> statement-breakpoint
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
CREATE UNIQUE INDEX "self_evaluations_objective_uq" ON "self_evaluations" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "self_evaluations_region_year_idx" ON "self_evaluations" USING btree ("region_id","fiscal_year","state","id");--> statement-breakpoint
CREATE INDEX "self_evaluations_dept_idx" ON "self_evaluations" USING btree ("department_org_id","state");--> statement-breakpoint
CREATE INDEX "self_evaluations_owner_idx" ON "self_evaluations" USING btree ("owner_org_id","fiscal_year");