import { describe, expect, it } from "vitest";
import { BUSY, IMPORT_SLOTS, IMPORT_WAITING, importsRunning, withImportSlot } from "@/lib/excel/slots";
import { translator } from "@/lib/i18n";

/** A read that lasts until `release()` is called. */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { release, read: () => gate.then(() => "read" as const) };
}

describe("Excel import slots", () => {
  it("reads at most IMPORT_SLOTS at once; the next waits and is served when one frees", async () => {
    const holders = Array.from({ length: IMPORT_SLOTS }, held);
    const running = holders.map((h) => withImportSlot(h.read));
    await Promise.resolve();
    expect(importsRunning()).toBe(IMPORT_SLOTS);
    const waiter = withImportSlot(async () => "served" as const, 2_000);
    holders[0].release();
    expect(await waiter).toBe("served");
    holders.slice(1).forEach((h) => h.release());
    expect(await Promise.all(running)).toEqual(holders.map(() => "read"));
    expect(importsRunning()).toBe(0);
  });

  it("when none frees in time, the caller is told another import is running; past the short line, at once", async () => {
    const holders = Array.from({ length: IMPORT_SLOTS }, held);
    const running = holders.map((h) => withImportSlot(h.read));
    const line = Array.from({ length: IMPORT_WAITING }, () => withImportSlot(async () => "late", 100));
    const started = performance.now();
    expect(await withImportSlot(async () => "never", 60_000)).toEqual({ ok: false, reason: "busy", error: BUSY });
    // At once, not after the 60 s it was willing to wait (a bound far from both, so load cannot move it across).
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await Promise.all(line)).toEqual(line.map(() => ({ ok: false, reason: "busy", error: BUSY })));
    // Said in the reader's language (the action translates the reference).
    expect(translator("zh")(BUSY as never)).toBe("另一个Excel导入正在进行，请稍后再试");
    expect(translator("en")(BUSY as never)).toBe("Another Excel import is running: try again in a moment");
    holders.forEach((h) => h.release());
    await Promise.all(running);
    expect(importsRunning()).toBe(0);
  });

  it("a read that fails frees its slot", async () => {
    await expect(withImportSlot(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(importsRunning()).toBe(0);
  });
});
