import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { objectives, objectiveVersions } from "@/db/schema";
import { saveDeclarationStep } from "@/lib/actions/objective/save-step";
import { submitObjective } from "@/lib/actions/objective/submit-objective";
import { fundingToYuan } from "@/lib/objective/funding-wan";
import { createTestDatabase } from "../helpers/db";
import { signInAs, useTestDatabase } from "../helpers/session";
import { declareTrunkRoad } from "../helpers/trunk-road";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  useTestDatabase(database);
  await signInAs(database, "filer");
});
afterAll(() => database.drop());

/** The funding step as the wizard sends it: typed in 万元, converted once to 元 on the way to the action. */
async function saveFundingInWan(objectiveId: number, editVersion: number, typed: Parameters<typeof fundingToYuan>[0]) {
  const converted = fundingToYuan(typed);
  if (!converted.ok) return { converted };
  return { converted, saved: await saveDeclarationStep({ step: 2, objectiveId, editVersion, data: converted.data }) };
}

describe("the wizard's funding step in 万元", () => {
  it("stores an amount typed in 万元 as exact 元, on the objective and on its funding rows", async () => {
    const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2021 });
    const { saved } = await saveFundingInWan(objectiveId, editVersion, {
      requestedAmount: "1,234.567801",
      rows: [
        { source: "general_budget", year: "2021", amount: "1,000" },
        { source: "government_fund", year: "2021", amount: "234.567801" },
      ],
      fundUses: "危桥改造",
    });
    expect(saved).toMatchObject({ ok: true });
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    expect(o.requestedAmount).toBe("12345678.01");
    const [v] = await database.db.select().from(objectiveVersions).where(eq(objectiveVersions.objectiveId, objectiveId));
    expect(v.requestedAmount).toBe("12345678.01");
    expect(v.funding).toEqual([
      { source: "general_budget", year: 2021, amount: "10000000.00" },
      { source: "government_fund", year: 2021, amount: "2345678.01" },
    ]);
    // Submitted: the rows add up to the requested amount to the fen.
    expect(await submitObjective({ objectiveId, version: o.version })).toMatchObject({ ok: true });
  });

  it("a wrong amount is refused on its own field and nothing is saved", async () => {
    const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2019 });
    const [before] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    const { converted, saved } = await saveFundingInWan(objectiveId, editVersion, {
      requestedAmount: "一千五百万",
      rows: [{ source: "general_budget", year: "2019", amount: "15万" }],
      fundUses: "",
    });
    expect(converted).toEqual({ ok: false, badFields: ["requestedAmount", "rows.0.amount"] });
    expect(saved).toBeUndefined();
    const [after] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    expect(after.requestedAmount).toBe(before.requestedAmount);
  });

  it("a mismatch of one 元 is reported in 万元, to the fen", async () => {
    const { objectiveId, editVersion } = await declareTrunkRoad(database, { year: 2020 });
    const { saved } = await saveFundingInWan(objectiveId, editVersion, {
      requestedAmount: "1090",
      rows: [{ source: "general_budget", year: "2020", amount: "1089.9999" }],
      fundUses: "",
    });
    expect(saved).toMatchObject({ ok: true });
    const [o] = await database.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    const res = await submitObjective({ objectiveId, version: o.version });
    expect(res.ok).toBe(false);
    const msgs = !res.ok ? Object.values(res.fieldErrors ?? {}).flat().join(" ") : "";
    expect(msgs).toContain("资金来源合计 1,089.9999 万元与申报金额 1,090.00 万元不一致");
  });
});
