import { randomUUID } from 'node:crypto';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import { sessions, userRoles, users } from '../../db/schema/identity.js';
import { onlineRiskAssessments } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { newToken, sha256 } from '../identity/credentials.js';

// For the chat tests only: staff sessions and risk assessments straight in the database.

/** A signed-in staff session (second factor done) for a user, as the sign-in routes would make. */
export async function staffSessionFor(db: LanternDb, userId: string, now: Date) {
  const token = newToken();
  const csrfToken = newToken();
  await withScope(db, systemScope('chat test staff session'), (tx) =>
    tx.insert(sessions).values({
      tokenHash: sha256(token),
      userId,
      isSecondFactorDone: true,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
    }),
  );
  return { token, csrfToken, state: 'signed-in' as const };
}

/** An online counsellor of another organisation, signed in. */
export async function counsellorElsewhere(db: LanternDb, organisationId: string, now: Date) {
  const id = randomUUID();
  await withScope(db, systemScope('chat test counsellor elsewhere'), async (tx) => {
    await tx.insert(users).values({
      id,
      email: `elsewhere-${id.slice(0, 8)}@elsewhere.example`,
      displayName: 'Alex Elsewhere',
      organisationId,
    });
    await tx.insert(userRoles).values({ userId: id, role: 'online-counsellor' });
  });
  return { id, session: await staffSessionFor(db, id, now) };
}

export async function recordTestAssessment(
  db: LanternDb,
  chat: { chatId: string; accountId: string; userId: string; now: Date },
) {
  await withScope(db, systemScope('chat test risk assessment'), (tx) =>
    tx.insert(onlineRiskAssessments).values({
      chatId: chat.chatId,
      accountId: chat.accountId,
      level: 'low',
      notes: 'No current risk',
      recordedAt: chat.now,
      recordedBy: chat.userId,
    }),
  );
}
