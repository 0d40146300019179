CREATE TYPE "public"."rectification_state" AS ENUM('open', 'submitted', 'closed');--> statement-breakpoint
CREATE TABLE "rectification_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"self_evaluation_id" integer NOT NULL,
	"owner_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"state" "rectification_state" DEFAULT 'open' NOT NULL,
	"evidence" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_self_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_tasks" ADD CONSTRAINT "rectification_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_tasks_owner_idx" ON "rectification_tasks" USING btree ("owner_org_id","state","deadline");--> statement-breakpoint
CREATE INDEX "rectification_tasks_region_idx" ON "rectification_tasks" USING btree ("region_id","state","deadline");