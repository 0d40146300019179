-- Sign-in throttling per (user name, client address) plus a per-name budget (lib/auth/throttle.ts).
-- The old per-name counters are throttle state only, not history (failures are in the audit log).
DELETE FROM "login_throttle";--> statement-breakpoint
ALTER TABLE "login_throttle" DROP CONSTRAINT "login_throttle_pkey";--> statement-breakpoint
ALTER TABLE "login_throttle" ADD COLUMN "source" varchar(64) NOT NULL;--> statement-breakpoint
ALTER TABLE "login_throttle" ADD CONSTRAINT "login_throttle_username_source_pk" PRIMARY KEY("username","source");--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;
