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
 * Sends a batch of waiting messages. Each is claimed with SKIP LOCKED, so several Lantern
 * processes can dispatch at once without sending anything twice. A failure is counted and the
 * message retried on a later run, up to MAX_ATTEMPTS; errors are stored without the recipient.
 */
export async function dispatchOutbox(db: LanternDb, send: Sender, now: () => Date, limit = 20) {
  return withScope(db, systemScope('outbox dispatcher'), async (tx) => {
    const batch = await outbox.claimUnsent(tx, limit, MAX_ATTEMPTS);
    let sent = 0;
    for (const message of batch) {
      const { subject, body } = render(
        message.template as TemplateName,
        message.personalisation as Record<string, string>,
      );
      try {
        const id = await send({
          channel: message.channel,
          recipient: message.recipient,
          subject,
          body,
          reference: message.id,
        });
        await outbox.markSent(tx, message.id, now(), id);
        sent += 1;
      } catch (error) {
        const status = (error as { response?: { status?: number } }).response?.status;
        await outbox.markFailed(
          tx,
          message.id,
          status ? `provider answered ${status}` : 'could not reach the provider',
        );
      }
    }
    return { claimed: batch.length, sent };
  });
}
