// Alerts on the duty senior's board (ADR 0021): when each must be acknowledged, which are overdue
// and due to escalate further, and the order the board shows them in. Pure: `now` is passed in.

export const alertKinds = ['risk-phrase', 'escalation'] as const;
export type AlertKind = (typeof alertKinds)[number];

export interface AlertTimes {
  raisedAt: Date;
  acknowledgeBy: Date;
  acknowledgedAt: Date | null;
  escalatedFurtherAt: Date | null;
}

/** The time by which a duty senior must acknowledge an alert raised at `raisedAt`. */
export function acknowledgeDeadline(raisedAt: Date, acknowledgeWithinMinutes: number): Date {
  return new Date(raisedAt.getTime() + acknowledgeWithinMinutes * 60_000);
}

/**
 * An alert escalates further when nobody acknowledged it by its deadline, and only once: one that
 * was acknowledged, even late, or has already escalated further, is never due again.
 */
export function isDueForFurtherEscalation(alert: AlertTimes, now: Date): boolean {
  return (
    alert.acknowledgedAt === null &&
    alert.escalatedFurtherAt === null &&
    alert.acknowledgeBy.getTime() <= now.getTime()
  );
}

export function dueForFurtherEscalation<T extends AlertTimes>(alerts: readonly T[], now: Date): T[] {
  return alerts.filter((alert) => isDueForFurtherEscalation(alert, now));
}

export interface AlertTiming {
  /** Whole seconds until the deadline; 0 once it has passed or the alert is acknowledged. */
  secondsLeft: number;
  isOverdue: boolean;
  /** "4 minutes left", "less than a minute left", "overdue", or "acknowledged". */
  text: string;
}

export function alertTiming(alert: AlertTimes, now: Date): AlertTiming {
  if (alert.acknowledgedAt) return { secondsLeft: 0, isOverdue: false, text: 'acknowledged' };
  const seconds = Math.floor((alert.acknowledgeBy.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return { secondsLeft: 0, isOverdue: true, text: 'overdue' };
  const minutes = Math.floor(seconds / 60);
  const text =
    minutes === 0 ? 'less than a minute left' : `${minutes} minute${minutes === 1 ? '' : 's'} left`;
  return { secondsLeft: seconds, isOverdue: false, text };
}

/**
 * The board's order: alerts still to acknowledge first, the oldest of them first (it has waited
 * longest); then acknowledged ones, the most recently acknowledged first.
 */
export function compareBoardAlerts(a: AlertTimes & { id: string }, b: AlertTimes & { id: string }): number {
  const aOpen = a.acknowledgedAt === null;
  const bOpen = b.acknowledgedAt === null;
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  const byTime =
    aOpen || !a.acknowledgedAt || !b.acknowledgedAt
      ? a.raisedAt.getTime() - b.raisedAt.getTime()
      : b.acknowledgedAt.getTime() - a.acknowledgedAt.getTime();
  return byTime !== 0 ? byTime : a.id.localeCompare(b.id);
}

/** How long acknowledged alerts stay on the board, so the duty senior sees what was just handled. */
export const ACKNOWLEDGED_SHOWN_HOURS = 12;

/** A short reference for an escalation or alert, safe for an email: it names no one. */
export function shortReference(prefix: 'ESC' | 'ALT', id: string): string {
  return `${prefix}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** "18:05 on 1 December", Europe/London, for emails to staff. */
export function formatLondonMoment(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
  }).format(at);
  return `${time} on ${day}`;
}
