/** The four dimensions of a key evaluation and their default weights: shared by its forms (browser) and its rules (server). */
export const KEY_DIMENSIONS = ["decision", "process", "output", "benefit"] as const;
export type KeyDimension = (typeof KEY_DIMENSIONS)[number];
export type KeyWeights = Record<KeyDimension, string>;
/** DESIGN §3.7: 决策 20, 过程 20, 产出 30, 效益 30. */
export const DEFAULT_KEY_WEIGHTS: KeyWeights = { decision: "20", process: "20", output: "30", benefit: "30" };
