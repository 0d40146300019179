/** Sign-in and session policy. Times can be shortened by environment for testing by hand. */
export const AUTH_POLICY = {
  /** A session unused this long ends. */
  idleMinutes: Number(process.env.SESSION_IDLE_MINUTES ?? 30),
  /** A session ends this long after sign-in, used or not. */
  absoluteHours: Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12),
  /** Consecutive failed sign-ins for one user name before it is locked. */
  maxFailures: 5,
  lockMinutes: 15,
  /** last_seen_at is written at most this often per session. */
  touchSeconds: 60,
} as const;
