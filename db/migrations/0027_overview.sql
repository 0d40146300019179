CREATE TABLE "overview_execution" (
	"period_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"through_month" smallint NOT NULL,
	"n_reports" integer DEFAULT 0 NOT NULL,
	"n_to_fill" integer DEFAULT 0 NOT NULL,
	"n_accepted" integer DEFAULT 0 NOT NULL,
	"budget_accepted" numeric(18, 2) DEFAULT '0' NOT NULL,
	"executed_accepted" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "overview_execution_period_id_department_org_id_pk" PRIMARY KEY("period_id","department_org_id")
);
--> statement-breakpoint
CREATE TABLE "overview_tallies" (
	"fiscal_year" smallint NOT NULL,
	"region_id" integer NOT NULL,
	"department_org_id" integer NOT NULL,
	"n_draft" integer DEFAULT 0 NOT NULL,
	"n_dept_review" integer DEFAULT 0 NOT NULL,
	"n_finance_review" integer DEFAULT 0 NOT NULL,
	"n_returned" integer DEFAULT 0 NOT NULL,
	"n_approved" integer DEFAULT 0 NOT NULL,
	"n_rejected" integer DEFAULT 0 NOT NULL,
	"n_superseded" integer DEFAULT 0 NOT NULL,
	"amount_declared" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_approved" numeric(18, 2) DEFAULT '0' NOT NULL,
	"n_disclosed" integer DEFAULT 0 NOT NULL,
	"amount_disclosed" numeric(18, 2) DEFAULT '0' NOT NULL,
	"n_red_open" integer DEFAULT 0 NOT NULL,
	"n_yellow_open" integer DEFAULT 0 NOT NULL,
	"n_excellent" integer DEFAULT 0 NOT NULL,
	"n_good" integer DEFAULT 0 NOT NULL,
	"n_fair" integer DEFAULT 0 NOT NULL,
	"n_poor" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "overview_tallies_fiscal_year_region_id_department_org_id_pk" PRIMARY KEY("fiscal_year","region_id","department_org_id")
);
--> statement-breakpoint
CREATE INDEX "overview_execution_year_idx" ON "overview_execution" USING btree ("fiscal_year","region_id");--> statement-breakpoint
-- The overview's figures are kept by the database (lib/overview/figures.ts reads them): each trigger
-- below subtracts the old row's contribution and adds the new one's, in the transaction of the
-- change, so a figure is never staler than the data and no code path can forget it.
CREATE OR REPLACE FUNCTION overview_objective_add(o objectives, k integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_draft, n_dept_review, n_finance_review, n_returned, n_approved, n_rejected, n_superseded, amount_declared, amount_approved)
  VALUES (o.fiscal_year, o.region_id, o.department_org_id,
    CASE WHEN o.state = 'draft' THEN k ELSE 0 END,
    CASE WHEN o.state = 'dept_review' THEN k ELSE 0 END,
    CASE WHEN o.state = 'finance_review' THEN k ELSE 0 END,
    CASE WHEN o.state = 'returned' THEN k ELSE 0 END,
    CASE WHEN o.state = 'approved' THEN k ELSE 0 END,
    CASE WHEN o.state = 'rejected' THEN k ELSE 0 END,
    CASE WHEN o.state = 'superseded' THEN k ELSE 0 END,
    CASE WHEN o.state NOT IN ('draft', 'superseded') THEN o.requested_amount * k ELSE 0 END,
    CASE WHEN o.state = 'approved' THEN o.requested_amount * k ELSE 0 END)
  ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET
    n_draft = t.n_draft + excluded.n_draft,
    n_dept_review = t.n_dept_review + excluded.n_dept_review,
    n_finance_review = t.n_finance_review + excluded.n_finance_review,
    n_returned = t.n_returned + excluded.n_returned,
    n_approved = t.n_approved + excluded.n_approved,
    n_rejected = t.n_rejected + excluded.n_rejected,
    n_superseded = t.n_superseded + excluded.n_superseded,
    amount_declared = t.amount_declared + excluded.amount_declared,
    amount_approved = t.amount_approved + excluded.amount_approved;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_disclosure_add(d disclosures, k integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF d.subject_type::text <> 'objective' OR d.withdrawn_at IS NOT NULL THEN RETURN; END IF;
  INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_disclosed, amount_disclosed)
  VALUES (d.fiscal_year, d.region_id, d.department_org_id, k, d.amount * k)
  ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET
    n_disclosed = t.n_disclosed + excluded.n_disclosed,
    amount_disclosed = t.amount_disclosed + excluded.amount_disclosed;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_warning_add(w monitoring_warnings, k integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF w.state::text <> 'open' OR w.light::text NOT IN ('red', 'yellow') THEN RETURN; END IF;
  INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_red_open, n_yellow_open)
  SELECT p.fiscal_year, w.region_id, w.department_org_id,
    CASE WHEN w.light::text = 'red' THEN k ELSE 0 END,
    CASE WHEN w.light::text = 'yellow' THEN k ELSE 0 END
  FROM monitoring_periods p WHERE p.id = w.period_id
  ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET
    n_red_open = t.n_red_open + excluded.n_red_open,
    n_yellow_open = t.n_yellow_open + excluded.n_yellow_open;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_self_evaluation_add(s self_evaluations, k integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF s.state::text <> 'accepted' OR s.grade IS NULL THEN RETURN; END IF;
  INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_excellent, n_good, n_fair, n_poor)
  VALUES (s.fiscal_year, s.region_id, s.department_org_id,
    CASE WHEN s.grade::text = 'excellent' THEN k ELSE 0 END,
    CASE WHEN s.grade::text = 'good' THEN k ELSE 0 END,
    CASE WHEN s.grade::text = 'fair' THEN k ELSE 0 END,
    CASE WHEN s.grade::text = 'poor' THEN k ELSE 0 END)
  ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET
    n_excellent = t.n_excellent + excluded.n_excellent,
    n_good = t.n_good + excluded.n_good,
    n_fair = t.n_fair + excluded.n_fair,
    n_poor = t.n_poor + excluded.n_poor;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_report_add(r monitoring_reports, k integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  acc boolean := r.state::text = 'accepted';
BEGIN
  INSERT INTO overview_execution AS t (period_id, department_org_id, region_id, fiscal_year, through_month, n_reports, n_to_fill, n_accepted, budget_accepted, executed_accepted)
  SELECT r.period_id, r.department_org_id, p.region_id, p.fiscal_year, p.through_month, k,
    CASE WHEN r.state::text IN ('draft', 'returned') THEN k ELSE 0 END,
    CASE WHEN acc THEN k ELSE 0 END,
    CASE WHEN acc THEN coalesce(r.adjusted_budget, r.budget) * k ELSE 0 END,
    CASE WHEN acc THEN coalesce(r.executed_amount, 0) * k ELSE 0 END
  FROM monitoring_periods p WHERE p.id = r.period_id
  ON CONFLICT (period_id, department_org_id) DO UPDATE SET
    n_reports = t.n_reports + excluded.n_reports,
    n_to_fill = t.n_to_fill + excluded.n_to_fill,
    n_accepted = t.n_accepted + excluded.n_accepted,
    budget_accepted = t.budget_accepted + excluded.budget_accepted,
    executed_accepted = t.executed_accepted + excluded.executed_accepted;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'objectives' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM overview_objective_add(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM overview_objective_add(NEW, 1); END IF;
  ELSIF TG_TABLE_NAME = 'disclosures' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM overview_disclosure_add(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM overview_disclosure_add(NEW, 1); END IF;
  ELSIF TG_TABLE_NAME = 'monitoring_warnings' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM overview_warning_add(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM overview_warning_add(NEW, 1); END IF;
  ELSIF TG_TABLE_NAME = 'self_evaluations' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM overview_self_evaluation_add(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM overview_self_evaluation_add(NEW, 1); END IF;
  ELSIF TG_TABLE_NAME = 'monitoring_reports' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM overview_report_add(OLD, -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM overview_report_add(NEW, 1); END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- What exists before the triggers: counted once.
INSERT INTO overview_tallies (fiscal_year, region_id, department_org_id, n_draft, n_dept_review, n_finance_review, n_returned, n_approved, n_rejected, n_superseded, amount_declared, amount_approved)
SELECT fiscal_year, region_id, department_org_id,
  count(*) FILTER (WHERE state = 'draft'), count(*) FILTER (WHERE state = 'dept_review'), count(*) FILTER (WHERE state = 'finance_review'),
  count(*) FILTER (WHERE state = 'returned'), count(*) FILTER (WHERE state = 'approved'), count(*) FILTER (WHERE state = 'rejected'),
  count(*) FILTER (WHERE state = 'superseded'),
  coalesce(sum(requested_amount) FILTER (WHERE state NOT IN ('draft', 'superseded')), 0),
  coalesce(sum(requested_amount) FILTER (WHERE state = 'approved'), 0)
FROM objectives GROUP BY fiscal_year, region_id, department_org_id;
--> statement-breakpoint
INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_disclosed, amount_disclosed)
SELECT fiscal_year, region_id, department_org_id, count(*), sum(amount)
FROM disclosures WHERE subject_type::text = 'objective' AND withdrawn_at IS NULL GROUP BY fiscal_year, region_id, department_org_id
ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET n_disclosed = excluded.n_disclosed, amount_disclosed = excluded.amount_disclosed;
--> statement-breakpoint
INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_red_open, n_yellow_open)
SELECT p.fiscal_year, w.region_id, w.department_org_id, count(*) FILTER (WHERE w.light::text = 'red'), count(*) FILTER (WHERE w.light::text = 'yellow')
FROM monitoring_warnings w JOIN monitoring_periods p ON p.id = w.period_id
WHERE w.state::text = 'open' AND w.light::text IN ('red', 'yellow') GROUP BY p.fiscal_year, w.region_id, w.department_org_id
ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET n_red_open = excluded.n_red_open, n_yellow_open = excluded.n_yellow_open;
--> statement-breakpoint
INSERT INTO overview_tallies AS t (fiscal_year, region_id, department_org_id, n_excellent, n_good, n_fair, n_poor)
SELECT fiscal_year, region_id, department_org_id,
  count(*) FILTER (WHERE grade::text = 'excellent'), count(*) FILTER (WHERE grade::text = 'good'), count(*) FILTER (WHERE grade::text = 'fair'), count(*) FILTER (WHERE grade::text = 'poor')
FROM self_evaluations WHERE state::text = 'accepted' AND grade IS NOT NULL GROUP BY fiscal_year, region_id, department_org_id
ON CONFLICT (fiscal_year, region_id, department_org_id) DO UPDATE SET n_excellent = excluded.n_excellent, n_good = excluded.n_good, n_fair = excluded.n_fair, n_poor = excluded.n_poor;
--> statement-breakpoint
INSERT INTO overview_execution (period_id, department_org_id, region_id, fiscal_year, through_month, n_reports, n_to_fill, n_accepted, budget_accepted, executed_accepted)
SELECT r.period_id, r.department_org_id, p.region_id, p.fiscal_year, p.through_month, count(*), count(*) FILTER (WHERE r.state::text IN ('draft', 'returned')), count(*) FILTER (WHERE r.state::text = 'accepted'),
  coalesce(sum(coalesce(r.adjusted_budget, r.budget)) FILTER (WHERE r.state::text = 'accepted'), 0),
  coalesce(sum(coalesce(r.executed_amount, 0)) FILTER (WHERE r.state::text = 'accepted'), 0)
FROM monitoring_reports r JOIN monitoring_periods p ON p.id = r.period_id
GROUP BY r.period_id, r.department_org_id, p.region_id, p.fiscal_year, p.through_month;
--> statement-breakpoint
CREATE TRIGGER overview_objectives_ins_del AFTER INSERT OR DELETE ON objectives FOR EACH ROW EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_objectives_upd AFTER UPDATE ON objectives FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.requested_amount IS DISTINCT FROM NEW.requested_amount OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year
    OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.department_org_id IS DISTINCT FROM NEW.department_org_id)
  EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_disclosures AFTER INSERT OR UPDATE OR DELETE ON disclosures FOR EACH ROW EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_warnings_ins_del AFTER INSERT OR DELETE ON monitoring_warnings FOR EACH ROW EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_warnings_upd AFTER UPDATE ON monitoring_warnings FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.light IS DISTINCT FROM NEW.light OR OLD.period_id IS DISTINCT FROM NEW.period_id
    OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.department_org_id IS DISTINCT FROM NEW.department_org_id)
  EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_self_evaluations_ins_del AFTER INSERT OR DELETE ON self_evaluations FOR EACH ROW EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_self_evaluations_upd AFTER UPDATE ON self_evaluations FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.grade IS DISTINCT FROM NEW.grade OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year
    OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.department_org_id IS DISTINCT FROM NEW.department_org_id)
  EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_reports_ins_del AFTER INSERT OR DELETE ON monitoring_reports FOR EACH ROW EXECUTE FUNCTION overview_trg();
--> statement-breakpoint
CREATE TRIGGER overview_reports_upd AFTER UPDATE ON monitoring_reports FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.budget IS DISTINCT FROM NEW.budget OR OLD.adjusted_budget IS DISTINCT FROM NEW.adjusted_budget
    OR OLD.executed_amount IS DISTINCT FROM NEW.executed_amount OR OLD.period_id IS DISTINCT FROM NEW.period_id OR OLD.department_org_id IS DISTINCT FROM NEW.department_org_id)
  EXECUTE FUNCTION overview_trg();
