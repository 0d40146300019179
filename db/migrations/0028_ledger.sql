CREATE TYPE "public"."budget_movement_kind" AS ENUM('arrange', 'adjust', 'reclaim', 'hold', 'release', 'issue');--> statement-breakpoint
ALTER TYPE "public"."disposition_kind" ADD VALUE 'reclaim';--> statement-breakpoint
CREATE TABLE "budget_approvals" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"document_no" varchar(60) NOT NULL,
	"document_date" date NOT NULL,
	"disclosure_deadline" date NOT NULL,
	"approved_by" integer NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"kind" "budget_movement_kind" NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"document_no" varchar(60),
	"document_date" date,
	"reason" text,
	"approval_id" integer,
	"disposition_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_movements_sign_ck" CHECK (case "budget_movements"."kind"::text when 'arrange' then "budget_movements"."amount" > 0 and "budget_movements"."document_no" is not null and "budget_movements"."document_date" is not null when 'adjust' then "budget_movements"."amount" <> 0 and "budget_movements"."reason" is not null when 'reclaim' then "budget_movements"."amount" < 0 when 'hold' then "budget_movements"."amount" > 0 when 'release' then "budget_movements"."amount" < 0 else "budget_movements"."amount" > 0 end)
);
--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD COLUMN "disclosure_days" smallint DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "budget_current" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "budget_held" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "budget_arranged_on" date;--> statement-breakpoint
ALTER TABLE "budget_approvals" ADD CONSTRAINT "budget_approvals_department_org_id_orgs_id_fk" FOREIGN KEY ("department_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_approvals" ADD CONSTRAINT "budget_approvals_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_approvals" ADD CONSTRAINT "budget_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_movements" ADD CONSTRAINT "budget_movements_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_movements" ADD CONSTRAINT "budget_movements_approval_id_budget_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."budget_approvals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_movements" ADD CONSTRAINT "budget_movements_disposition_id_warning_dispositions_id_fk" FOREIGN KEY ("disposition_id") REFERENCES "public"."warning_dispositions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_movements" ADD CONSTRAINT "budget_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_approvals_dept_year_uq" ON "budget_approvals" USING btree ("department_org_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "budget_approvals_region_year_idx" ON "budget_approvals" USING btree ("region_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "budget_movements_objective_idx" ON "budget_movements" USING btree ("objective_id","id");--> statement-breakpoint
CREATE INDEX "budget_movements_disposition_idx" ON "budget_movements" USING btree ("disposition_id") WHERE "budget_movements"."disposition_id" is not null;--> statement-breakpoint
CREATE INDEX "budget_movements_approval_idx" ON "budget_movements" USING btree ("approval_id") WHERE "budget_movements"."approval_id" is not null;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_budget_ck" CHECK ("objectives"."budget_current" >= 0 and "objectives"."budget_held" >= 0 and "objectives"."budget_held" <= "objectives"."budget_current") NOT VALID;--> statement-breakpoint
ALTER TABLE "objectives" VALIDATE CONSTRAINT "objectives_budget_ck";--> statement-breakpoint
-- The ledger is append-only, like the audit log: the database refuses to change or remove a movement.
CREATE OR REPLACE FUNCTION budget_movements_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'budget_movements is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER budget_movements_no_update_delete
  BEFORE UPDATE OR DELETE ON budget_movements
  FOR EACH ROW EXECUTE FUNCTION budget_movements_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_movements_no_truncate
  BEFORE TRUNCATE ON budget_movements
  FOR EACH STATEMENT EXECUTE FUNCTION budget_movements_refuse_change();
--> statement-breakpoint
-- The subject's sums, kept by the database in the movement's own statement (so a list reads a column, not an aggregate per row).
CREATE OR REPLACE FUNCTION budget_movements_add_up() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE objectives SET
    budget_current = budget_current + CASE WHEN NEW.kind IN ('hold', 'release') THEN 0 ELSE NEW.amount END,
    budget_held = budget_held + CASE WHEN NEW.kind IN ('hold', 'release') THEN NEW.amount ELSE 0 END,
    budget_arranged_on = CASE WHEN NEW.kind = 'arrange' THEN COALESCE(budget_arranged_on, NEW.document_date) ELSE budget_arranged_on END
  WHERE id = NEW.objective_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER budget_movements_add_up
  AFTER INSERT ON budget_movements
  FOR EACH ROW EXECUTE FUNCTION budget_movements_add_up();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON budget_movements FROM bpm_runtime;
