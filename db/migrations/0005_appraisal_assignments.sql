CREATE TABLE "appraisal_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"agency_org_id" integer NOT NULL,
	"assigned_by" integer NOT NULL,
	"appraisal_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appraisal_assignments" ADD CONSTRAINT "appraisal_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_assignments" ADD CONSTRAINT "appraisal_assignments_agency_org_id_orgs_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_assignments" ADD CONSTRAINT "appraisal_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_assignments_uq" ON "appraisal_assignments" USING btree ("project_id","fiscal_year","agency_org_id");--> statement-breakpoint
CREATE INDEX "appraisal_assignments_agency_idx" ON "appraisal_assignments" USING btree ("agency_org_id");