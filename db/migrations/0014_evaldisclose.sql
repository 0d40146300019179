ALTER TABLE "disclosures" ADD COLUMN "score" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "grade" "grade";--> statement-breakpoint
CREATE INDEX "disclosures_live_evaluation_objective_idx" ON "disclosures" USING btree ("objective_id","grade") WHERE "disclosures"."subject_type" = 'evaluation' and "disclosures"."withdrawn_at" is null;