import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.js';
import {
  type AccessRecord,
  type Actor,
  authorise,
  isSignedInAfter,
  type ServiceContext,
} from './authorise.js';
import type { StaffRole } from './roles.js';
import { recordScope } from './scope.js';

function contextFor(actor: Actor) {
  const records: AccessRecord[] = [];
  const ctx: ServiceContext = {
    requestId: 'r',
    actor,
    now: () => new Date(),
    authorised: [],
    recordAccess: async (record) => {
      records.push(record);
    },
  };
  return { ctx, records };
}

const staff = (roles: StaffRole[], isSignedIn = true): Actor => ({
  kind: 'staff',
  userId: 'u',
  organisationId: 'o',
  roles,
  grants: roles.map((role) => ({ role, teamId: null, serviceId: null, schoolUrn: null })),
  sessionTokenHash: 'h',
  isSignedIn,
});

describe('authorise', () => {
  it('lets anyone read the public directory', async () => {
    const { ctx } = contextFor({ kind: 'anonymous' });
    await authorise(ctx, 'directory:read');
    expect(ctx.authorised).toEqual(['directory:read']);
  });

  it('answers 401 to someone not signed in, without an access-log row', async () => {
    const { ctx, records } = contextFor({ kind: 'anonymous' });
    await expect(authorise(ctx, 'user:read')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(records).toEqual([]);
  });

  it('answers 401 to staff who have not yet given their second factor', async () => {
    const { ctx } = contextFor(staff(['privacy-officer'], false));
    await expect(authorise(ctx, 'access-log:read')).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('answers 403 to staff without the permission and logs the refusal', async () => {
    const { ctx, records } = contextFor(staff(['emhp']));
    const attempt = authorise(ctx, 'access-log:read');
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(records).toEqual([
      { subjectKind: 'permission', action: 'access-log:read', outcome: 'denied', basis: 'role' },
    ]);
    expect(ctx.authorised).toEqual([]);
  });

  it('allows what any of several roles grants', async () => {
    const { ctx } = contextFor(staff(['emhp', 'privacy-officer']));
    await authorise(ctx, 'access-log:read');
    expect(ctx.authorised).toEqual(['access-log:read']);
  });
});

describe('isSignedInAfter', () => {
  it('needs the second factor only for roles that require one', () => {
    expect(isSignedInAfter(['school-staff-referrer'], false)).toBe(true);
    expect(isSignedInAfter(['school-staff-referrer', 'emhp'], false)).toBe(false);
    expect(isSignedInAfter(['emhp'], true)).toBe(true);
  });
});

describe('a young person signed in to online support', () => {
  const youngPerson: Actor = {
    kind: 'young-person',
    accountId: '00000000-0000-4000-8000-00000000000a',
    serviceId: 's',
    organisationId: 'o',
    sessionTokenHash: 'h',
    isSignedIn: true,
  };

  it('may use their own online support, and read self-help like anyone', async () => {
    const { ctx } = contextFor(youngPerson);
    await authorise(ctx, 'online:use');
    await authorise(ctx, 'self-help:read');
    expect(ctx.authorised).toEqual(['online:use', 'self-help:read']);
  });

  it('holds no staff permission', async () => {
    for (const permission of ['online:counsel', 'online:duty', 'referral:read', 'online:usage'] as const) {
      const { ctx, records } = contextFor(youngPerson);
      await expect(authorise(ctx, permission)).rejects.toMatchObject({ code: 'forbidden' });
      expect(records).toEqual([
        { subjectKind: 'permission', action: permission, outcome: 'denied', basis: 'role' },
      ]);
    }
  });

  it('reaches only their own account in record scope', () => {
    const scope = recordScope(youngPerson);
    expect(scope.kinds).toEqual(['young-person']);
    expect(scope.onlineAccountId).toBe('00000000-0000-4000-8000-00000000000a');
    expect(scope.userId).toBeNull();
    expect(scope.organisationId).toBeNull();
  });

  it('is not a staff member to online:use', async () => {
    const { ctx } = contextFor(staff(['online-counsellor']));
    await expect(authorise(ctx, 'online:use')).rejects.toBeInstanceOf(AppError);
  });
});
