/** How long a staff session lives. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export type SessionState = 'active' | 'ended' | 'idle-timeout' | 'absolute-timeout';

/** Whether a session may still be used at `now`: 30 minutes idle or 12 hours in all ends it. */
export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= SESSION_ABSOLUTE_HOURS * 3_600_000)
    return 'absolute-timeout';
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MINUTES * 60_000) return 'idle-timeout';
  return 'active';
}

/** A session's state once its holder is known: a deactivated user or account ends it too. */
export function heldSessionState(
  session: SessionTimes,
  isHolderActive: boolean,
  now: Date,
): SessionState | 'deactivated' {
  const state = sessionState(session, now);
  if (state !== 'active') return state;
  return isHolderActive ? 'active' : 'deactivated';
}

/** Writing last-seen on every request would cost a write per read; once a minute is precise enough. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}

/** Failed sign-ins allowed before an account (or an unknown email) must wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 15 * 60;

/**
 * Per-account backoff: after five failures each further failure doubles the wait, from 30 seconds
 * up to 15 minutes. Applied alike to known and unknown emails, so the answer reveals nothing.
 */
export function lockedUntilAfterFailure(failures: number, now: Date): Date | null {
  if (failures < FREE_FAILURES) return null;
  const seconds = Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES));
  return new Date(now.getTime() + seconds * 1000);
}
