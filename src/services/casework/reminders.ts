import type { CaseloadReferral, ContactOut } from '../../contracts/caseload.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { asSystemWithin } from '../../db/scoped.js';
import {
  type ContactMedium,
  type ReminderRoute,
  reminderNotBefore,
  reminderPersonalisation,
  reminderRoute,
} from '../../domain/casework/appointments.js';

// Appointment reminders through the outbox: queued with the booking, in its transaction, to be sent
// the day before; withdrawn when the appointment moves or is cancelled. Callers have already found
// the referral within the person's scope.

/** How reminders would reach this young person, from their record (read in the caller's scope). */
export async function reminderRouteOf(tx: LanternDb, referralId: string): Promise<ReminderRoute> {
  const facts = await casework.reminderFacts(tx, referralId);
  if (!facts) return { channel: null, why: 'no-route' };
  return reminderRoute({
    child: facts,
    carers: facts.carers,
    isSelfReferral: facts.source === 'self',
  });
}

/**
 * Queues the reminder for a booked appointment, if it is still ahead and the young person chose
 * a route that is safe to use. The personalisation names the appointment (`contactId`) so a move
 * or cancellation can withdraw it; the template never shows it.
 */
export async function queueReminder(
  tx: LanternDb,
  appointment: { referralId: string; contactId: string; startsAt: Date; medium: ContactMedium },
  now: Date,
): Promise<boolean> {
  const notBefore = reminderNotBefore(appointment.startsAt, now);
  if (!notBefore) return false;
  const facts = await casework.reminderFacts(tx, appointment.referralId);
  if (!facts) return false;
  const route = reminderRoute({
    child: facts,
    carers: facts.carers,
    isSelfReferral: facts.source === 'self',
  });
  if (route.channel === null) return false;
  await outbox.enqueue(tx, [
    {
      channel: route.channel,
      template: 'appointment-reminder',
      recipient: route.recipient,
      personalisation: {
        ...reminderPersonalisation(appointment.startsAt, appointment.medium, facts.reference),
        contactId: appointment.contactId,
      },
      referralId: appointment.referralId,
      createdAt: now,
      notBefore,
    },
  ]);
  return true;
}

/** Withdraws the unsent reminder of an appointment that moved or will not happen. */
export function withdrawReminder(tx: LanternDb, contactId: string, now: Date): Promise<void> {
  return asSystemWithin(tx, 'withdrawing the reminder of an appointment found in scope', () =>
    outbox.withdrawReminders(tx, [contactId], now),
  );
}

/** Each appointment's latest reminder and what became of it. Never run alongside other queries. */
export async function reminderStates(
  tx: LanternDb,
  referralId: string,
): Promise<Map<string, NonNullable<ContactOut['reminder']>>> {
  const rows = await asSystemWithin(tx, 'reminder states of a referral found in scope', () =>
    outbox.remindersOf(tx, referralId),
  );
  const states = new Map<string, NonNullable<ContactOut['reminder']>>();
  for (const row of rows) {
    states.set(row.contactId, {
      channel: row.channel === 'email' ? 'email' : 'sms',
      state: row.sentAt ? 'sent' : row.withdrawnAt ? 'withdrawn' : 'waiting',
    });
  }
  return states;
}

/** The page's word on reminders: the route, with no recipient details. */
export function remindersOut(route: ReminderRoute): CaseloadReferral['reminders'] {
  return route.channel === null ? { channel: null, why: route.why } : { channel: route.channel };
}
