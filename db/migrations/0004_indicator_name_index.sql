DROP INDEX "indicators_name_idx";--> statement-breakpoint
CREATE INDEX "indicators_current_name_idx" ON "indicators" USING btree ("name","code") WHERE "indicators"."is_current";