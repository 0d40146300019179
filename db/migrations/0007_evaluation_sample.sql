CREATE TYPE "public"."re_evaluation_reason" AS ENUM('random', 'warning');--> statement-breakpoint
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
ALTER TABLE "re_evaluation_items" ADD CONSTRAINT "re_evaluation_items_sample_id_re_evaluation_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."re_evaluation_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_items" ADD CONSTRAINT "re_evaluation_items_self_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_items" ADD CONSTRAINT "re_evaluation_items_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_samples" ADD CONSTRAINT "re_evaluation_samples_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "re_evaluation_samples" ADD CONSTRAINT "re_evaluation_samples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "re_evaluation_items_uq" ON "re_evaluation_items" USING btree ("sample_id","self_evaluation_id");--> statement-breakpoint
CREATE INDEX "re_evaluation_items_se_idx" ON "re_evaluation_items" USING btree ("self_evaluation_id");--> statement-breakpoint
CREATE INDEX "re_evaluation_samples_region_year_idx" ON "re_evaluation_samples" USING btree ("region_id","fiscal_year");