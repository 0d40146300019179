import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDefinedAction } from "@/lib/actions/define";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const serverModules = ["app", "lib"]
  .flatMap((d) => sourceFiles(path.join(root, d)))
  .filter((f) => /^\s*["']use server["']/m.test(fs.readFileSync(f, "utf8")));

describe("every server action goes through defineAction", () => {
  it("finds the action modules", () => {
    expect(serverModules.length).toBeGreaterThanOrEqual(7);
  });

  it.each(serverModules.map((f) => path.relative(root, f)))("%s exports only wrapped actions", async (file) => {
    expect(file.startsWith("lib/actions/")).toBe(true);
    const mod = await import(path.join(root, file));
    const exported = Object.entries(mod);
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, value] of exported) expect(isDefinedAction(value), `${file}: ${name}`).toBe(true);
  });
});
