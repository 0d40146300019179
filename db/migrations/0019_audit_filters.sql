CREATE INDEX "audit_action_idx" ON "audit_log" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_actor_org_idx" ON "audit_log" USING btree ("actor_org_id","id");