CREATE UNIQUE INDEX "objectives_parent_recipient_uq" ON "objectives" USING btree ("parent_objective_id","owner_org_id") WHERE "objectives"."parent_objective_id" is not null;
--> statement-breakpoint
-- The application runs as a role that owns nothing (issue 17, finding 9). The role that migrates
-- owns the tables, and only an owner (or a superuser) may ALTER TABLE audit_log DISABLE TRIGGER,
-- DROP its triggers or SET session_replication_role = replica to skip them; the runtime role may
-- only INSERT and SELECT the audit log. `bpm_runtime` is a NOLOGIN group: the app's login role is
-- a member (README, "Two database roles"). Roles belong to the whole server, so another database's
-- migration may create it at the same moment: that one wins and this one carries on.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bpm_runtime') THEN
    CREATE ROLE bpm_runtime NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN
    NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'the role that migrates may not create the runtime role bpm_runtime'
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Create it once as a superuser: CREATE ROLE bpm_runtime NOLOGIN; (README, "Two database roles").';
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO bpm_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bpm_runtime;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM bpm_runtime;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bpm_runtime;
--> statement-breakpoint
-- Tables and sequences that later migrations create (as this same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bpm_runtime;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bpm_runtime;
--> statement-breakpoint
-- Read-only view of which migrations are applied, so an app given only the runtime role can check
-- that the owner has migrated (lib/db.ts) instead of trying to migrate itself.
GRANT USAGE ON SCHEMA drizzle TO bpm_runtime;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO bpm_runtime;
