import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { mermaidOf } from "@/lib/workflow/define";
import { DIAGRAM_END, DIAGRAM_START, withDiagrams } from "@/lib/workflow/diagram";
import { WORKFLOWS } from "@/lib/workflow/machines";

const doc = fs.readFileSync("docs/ARCHITECTURE.md", "utf8");
const section = doc.slice(doc.indexOf(DIAGRAM_START), doc.indexOf(DIAGRAM_END));

describe("docs/ARCHITECTURE.md", () => {
  it("shows the state diagrams of the current transition tables (run `npm run docs:states`)", () => {
    expect(doc).toBe(withDiagrams(doc));
  });

  it("draws every declared state machine, every row of its table", () => {
    expect(WORKFLOWS.length).toBe(12);
    for (const w of WORKFLOWS) {
      expect(section, w.name).toContain(`\`${w.name}\``);
      expect(section, w.name).toContain(mermaidOf(w).join("\n"));
    }
  });

  it("names each machine once (the audit names are its prefix)", () => {
    expect(new Set(WORKFLOWS.map((w) => w.name)).size).toBe(WORKFLOWS.length);
  });
});
