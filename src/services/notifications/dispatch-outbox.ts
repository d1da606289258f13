import { NotifyClient } from 'notifications-node-client';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { withScope } from '../../db/scoped.js';
import { render, type TemplateName } from '../../domain/notifications/templates.js';

/** Sends one rendered message and returns the provider's id for it. */
export type Sender = (message: {
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  reference: string;
}) => Promise<string | null>;

/** GOV.UK Notify, through its official client, with one generic template per channel. */
export function notifySender(config: {
  apiKey: string;
  emailTemplateId: string;
  smsTemplateId: string;
  baseUrl?: string | undefined;
}): Sender {
  const client = config.baseUrl
    ? new NotifyClient(config.baseUrl, config.apiKey)
    : new NotifyClient(config.apiKey);
  return async ({ channel, recipient, subject, body, reference }) => {
    const options = { personalisation: { subject, body }, reference };
    if (channel === 'email') {
      const response = await client.sendEmail(config.emailTemplateId, recipient, options);
      return response.data.id;
    }
    if (channel === 'sms') {
      const response = await client.sendSms(config.smsTemplateId, recipient, options);
      return response.data.id;
    }
    throw new Error(`no sender for ${channel}`);
  };
}

export const MAX_ATTEMPTS = 5;

/**
 * Sends up to `limit` waiting messages, each in a transaction of its own: the row is claimed with
 * SKIP LOCKED (several Lantern processes can dispatch at once without sending anything twice),
 * sent, and marked, so one failure never rolls back the record of messages already sent. A
 * failure is counted and retried on a later run, up to MAX_ATTEMPTS; errors are stored without
 * the recipient. A message is never sent before its `not_before`, nor at all once withdrawn.
 */
export async function dispatchOutbox(db: LanternDb, send: Sender, now: () => Date, limit = 20) {
  let sent = 0;
  // Each message is tried once per run; a failure waits for the next run.
  const tried: string[] = [];
  for (let n = 0; n < limit; n += 1) {
    const outcome = await withScope(db, systemScope('outbox dispatcher'), async (tx) => {
      const [message] = await outbox.claimUnsent(tx, 1, MAX_ATTEMPTS, tried, now());
      if (!message) return 'none' as const;
      tried.push(message.id);
      try {
        const { subject, body } = render(
          message.template as TemplateName,
          message.personalisation as Record<string, string>,
        );
        const id = await send({
          channel: message.channel,
          recipient: message.recipient,
          subject,
          body,
          reference: message.id,
        });
        await outbox.markSent(tx, message.id, now(), id);
        return 'sent' as const;
      } catch (error) {
        const status = (error as { response?: { status?: number } }).response?.status;
        await outbox.markFailed(tx, message.id, status ? `provider answered ${status}` : 'could not send');
        return 'failed' as const;
      }
    });
    if (outcome === 'none') break;
    if (outcome === 'sent') sent += 1;
  }
  return { claimed: tried.length, sent };
}
