import { randomBytes } from 'node:crypto';
import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { CreateStaffInput } from '../../contracts/admin.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import { hashPassword } from '../identity/credentials.js';

/** 16 characters from an alphabet without look-alikes: easy to read out, about 80 random bits. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Adds a member of staff in the administrator's organisation, with one role. They get a temporary
 * password, shown once, and choose their own when they first sign in. An email already in use
 * (a retried form included) is refused, so no duplicate account is ever made.
 */
export async function createStaff(ctx: ServiceContext, deps: { db: LanternDb }, input: CreateStaffInput) {
  await authorise(ctx, 'user:manage');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  const organisationId = ctx.actor.organisationId;
  if (input.teamId && !(await organisations.findTeam(deps.db, input.teamId))) {
    throw new AppError('bad-request', 'There is no such team.', [
      { name: 'teamId', reason: 'is not a team' },
    ]);
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const user = await identity.createUser(tx, {
      email: input.email,
      displayName: input.displayName,
      organisationId,
      passwordHash,
      at: ctx.now(),
    });
    if (!user) {
      throw new AppError('conflict', 'There is already an account with that email address.', [
        { name: 'email', reason: 'is already used by another account' },
      ]);
    }
    await identity.addRoleGrant(tx, {
      userId: user.id,
      role: input.role,
      teamId: input.teamId,
      at: ctx.now(),
    });
    await recordChange(tx, ctx, {
      entity: 'user',
      entityId: user.id,
      action: 'created',
      after: { role: input.role, teamId: input.teamId, organisationId },
    });
    return { id: user.id, temporaryPassword: password };
  });
}
