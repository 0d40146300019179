/** A dictionary's shape with every string literal widened to string: what a translation must match. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
