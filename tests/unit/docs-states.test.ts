import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { withDiagrams } from "@/lib/workflow/diagram";

describe("docs/ARCHITECTURE.md", () => {
  it("shows the state diagrams of the current transition tables (run `npm run docs:states`)", () => {
    const doc = fs.readFileSync("docs/ARCHITECTURE.md", "utf8");
    expect(doc).toBe(withDiagrams(doc));
  });
});
