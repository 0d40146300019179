import { msg } from "@/lib/i18n/core";
/**
 * A bound on the Excel imports one process reads at once. Reading is the part of an import that
 * takes memory and CPU; with a few at a time, every other request keeps answering. A caller that
 * finds every slot taken waits briefly in a short line, then is told to try again: nothing queues
 * without limit. The state is the process's (globalThis), however many copies of this module a
 * bundler makes.
 */
export const IMPORT_SLOTS = Math.max(1, Number(process.env.EXCEL_IMPORT_SLOTS) || 2);
/** How long a caller waits for a slot before it is refused. */
export const IMPORT_WAIT_MS = 3_000;
/** Callers allowed to wait at once; more are refused at once. */
export const IMPORT_WAITING = 4;

export const BUSY = msg("xlsx.busy");

interface Slots {
  active: number;
  waiting: (() => void)[];
}

const KEY = Symbol.for("bpm.excelImportSlots");
function slots(): Slots {
  const g = globalThis as { [KEY]?: Slots };
  return (g[KEY] ??= { active: 0, waiting: [] });
}

function release() {
  const s = slots();
  const next = s.waiting.shift();
  // The slot passes straight to the next in line (active stays the same).
  if (next) next();
  else s.active--;
}

/** A slot's release function, or null when none came free within IMPORT_WAIT_MS. */
async function acquire(waitMs: number): Promise<(() => void) | null> {
  const s = slots();
  if (s.active < IMPORT_SLOTS) {
    s.active++;
    return once(release);
  }
  if (s.waiting.length >= IMPORT_WAITING) return null;
  return new Promise((resolve) => {
    const granted = () => {
      clearTimeout(timer);
      resolve(once(release));
    };
    const timer = setTimeout(() => {
      const i = s.waiting.indexOf(granted);
      if (i >= 0) s.waiting.splice(i, 1);
      resolve(null);
    }, waitMs);
    s.waiting.push(granted);
  });
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

/** Runs `read` in an import slot, or answers `{ ok: false, error: BUSY }` without running it. */
export async function withImportSlot<T>(read: () => Promise<T>, waitMs = IMPORT_WAIT_MS): Promise<T | { ok: false; error: string; reason: "busy" }> {
  const done = await acquire(waitMs);
  if (!done) return { ok: false, error: BUSY, reason: "busy" };
  try {
    return await read();
  } finally {
    done();
  }
}

/** Imports reading right now in this process (for the health of the process, and the tests that hold it to IMPORT_SLOTS). */
export function importsRunning(): number {
  return slots().active;
}
