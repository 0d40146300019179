ALTER TABLE "budget_proposals" ADD COLUMN "rule_set_id" integer;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "basis" jsonb;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "revised_amount" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "revision_reason" text;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "revised_by" integer;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_rule_set_id_evaluation_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."evaluation_rule_sets"("id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_revised_by_users_id_fk" FOREIGN KEY ("revised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "budget_proposals" VALIDATE CONSTRAINT "budget_proposals_rule_set_id_evaluation_rule_sets_id_fk";--> statement-breakpoint
ALTER TABLE "budget_proposals" VALIDATE CONSTRAINT "budget_proposals_revised_by_users_id_fk";