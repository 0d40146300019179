/** Sign-in and session policy. Times can be shortened by environment for testing by hand. */
export const AUTH_POLICY = {
  /** A session unused this long ends. */
  idleMinutes: Number(process.env.SESSION_IDLE_MINUTES ?? 30),
  /** A session ends this long after sign-in, used or not. */
  absoluteHours: Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12),
  /** Failed sign-ins for one user name from one client address before that pair is locked. */
  maxFailures: 5,
  /** The first lock of a (name, address) pair; each further failure doubles it, up to lockMinutes. */
  firstLockMinutes: 1,
  lockMinutes: 15,
  /**
   * Failures of one user name from every address within nameWindowMinutes. Once spent, every
   * address gets one free failure instead of maxFailures — the name itself is never locked, so
   * the right password from an address that has not failed still signs in.
   */
  nameBudget: 20,
  nameWindowMinutes: 60,
  /** A (name, address) counter with no failure for this long starts afresh. */
  pairWindowHours: 24,
  /** last_seen_at is written at most this often per session. */
  touchSeconds: 60,
} as const;
