CREATE TYPE "public"."key_evaluation_state" AS ENUM('assigned', 'submitted', 'accepted');--> statement-breakpoint
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
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_agency_org_id_orgs_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluations" ADD CONSTRAINT "key_evaluations_filled_by_users_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_evaluations_objective_uq" ON "key_evaluations" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "key_evaluations_region_year_idx" ON "key_evaluations" USING btree ("region_id","fiscal_year","state");--> statement-breakpoint
CREATE INDEX "key_evaluations_agency_idx" ON "key_evaluations" USING btree ("agency_org_id","state");