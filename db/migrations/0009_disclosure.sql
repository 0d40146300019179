CREATE TYPE "public"."disclosure_subject" AS ENUM('objective', 'evaluation');--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" "disclosure_subject" DEFAULT 'objective' NOT NULL,
	"objective_id" integer,
	"version_id" integer,
	"evaluation_id" integer,
	"fiscal_year" smallint NOT NULL,
	"region_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"department_org_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"category" "project_category",
	"title" varchar(200) NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"disclosed_by" integer NOT NULL,
	"disclosed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" integer,
	"withdraw_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disclosures_subject_ck" CHECK (("disclosures"."subject_type" = 'objective' and "disclosures"."objective_id" is not null and "disclosures"."version_id" is not null) or ("disclosures"."subject_type" = 'evaluation' and "disclosures"."evaluation_id" is not null)),
	CONSTRAINT "disclosures_withdrawn_ck" CHECK (("disclosures"."withdrawn_at" is null) = ("disclosures"."withdraw_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_version_id_objective_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."objective_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_disclosed_by_users_id_fk" FOREIGN KEY ("disclosed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_live_objective_uq" ON "disclosures" USING btree ("objective_id") WHERE "disclosures"."subject_type" = 'objective' and "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_live_evaluation_uq" ON "disclosures" USING btree ("evaluation_id") WHERE "disclosures"."subject_type" = 'evaluation' and "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "disclosures_public_idx" ON "disclosures" USING btree ("fiscal_year","region_path" text_pattern_ops,"disclosed_at") WHERE "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "disclosures_public_region_idx" ON "disclosures" USING btree ("region_path" text_pattern_ops,"disclosed_at") WHERE "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "disclosures_public_recent_idx" ON "disclosures" USING btree ("disclosed_at","id") WHERE "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "disclosures_public_dept_idx" ON "disclosures" USING btree ("department_org_id","fiscal_year") WHERE "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "disclosures_grams_idx" ON "disclosures" USING gin ("search_grams") WHERE "disclosures"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "disclosures_objective_idx" ON "disclosures" USING btree ("objective_id");