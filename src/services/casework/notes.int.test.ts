import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { contactNotes, noteSignOffs, supervisionSessions } from '../../db/schema/episodes.js';
import { users } from '../../db/schema/identity.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoIdentity,
  demoUserOfRole,
  enrolledDemoUser,
  MINUTE,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// A practitioner writes and corrects a contact note; the team's supervisor signs it off; another
// team's supervisor cannot see it; the supervision log is kept per practitioner.
describe.each(testDatabases)('contact notes and supervision on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let emhp: Session;
  let supervisor: Session;
  let otherSupervisor: Session;
  const emhpUser = enrolledDemoUser('emhp');
  const supervisorUser = enrolledDemoUser('supervisor');
  const teamOf = (userId: string) => demoIdentity.userRoles.find((g) => g.userId === userId)?.teamId;
  const otherSupervisorUser = {
    ...demoUserOfRole('supervisor', 1),
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  };
  let referralId: string;
  let noteId: string;

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    await ctx.database.withOwnerConnection((db) =>
      db
        .update(users)
        .set({
          totpSecret: otherSupervisorUser.totpSecret,
          totpConfirmedAt: new Date('2026-01-01T00:00:00Z'),
        })
        .where(eq(users.id, otherSupervisorUser.id)),
    );
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.7.0.1', now: clock.now });
    supervisor = await signInWithTotp(ctx.app, supervisorUser, { remoteAddress: '10.7.0.2', now: clock.now });
    otherSupervisor = await signInWithTotp(ctx.app, otherSupervisorUser, {
      remoteAddress: '10.7.0.3',
      now: clock.now,
    });
    const caseload = await get(emhp, '/api/caseload');
    expect(caseload.statusCode, caseload.body).toBe(200);
    referralId = caseload.json().items[0].referralId;
  });
  afterAll(() => ctx?.dispose());

  const get = (session: Session, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(session) });
  const post = (session: Session, url: string, payload: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, payload, ...asSession(session, { headers }) });
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);

  it('puts the named supervisor and practitioner in the same team, and the other supervisor elsewhere', () => {
    expect(teamOf(supervisorUser.id)).toBe(teamOf(emhpUser.id));
    expect(teamOf(otherSupervisorUser.id)).not.toBe(teamOf(emhpUser.id));
  });

  it('writes a note, refusing an appointment of another young person', async () => {
    const wrong = await post(emhp, `/api/caseload/${referralId}/notes`, {
      body: 'Met at school.',
      contactId: '00000000-0000-4000-8000-000000000000',
      inConfidence: false,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().invalidParams[0].name).toBe('contactId');
    const saved = await post(
      emhp,
      `/api/caseload/${referralId}/notes`,
      { body: 'Met at school. Talked about sleep.', inConfidence: true },
      { 'idempotency-key': 'note-one-first' },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    noteId = saved.json().noteId;
    const replay = await post(
      emhp,
      `/api/caseload/${referralId}/notes`,
      { body: 'Met at school. Talked about sleep.', inConfidence: true },
      { 'idempotency-key': 'note-one-first' },
    );
    expect(replay.json().noteId).toBe(noteId);
    const rows = await asSystem((tx) =>
      tx.select().from(contactNotes).where(eq(contactNotes.noteId, noteId)),
    );
    expect(rows).toHaveLength(1);
  });

  it('is append-only: the app role cannot update or delete a note', async () => {
    await expect(
      asSystem((tx) => tx.execute(sql`update contact_notes set body = 'changed' where note_id = ${noteId}`)),
    ).rejects.toThrow();
    await expect(
      asSystem((tx) => tx.execute(sql`update note_sign_offs set comment = 'changed'`)),
    ).rejects.toThrow();
    await expect(
      asSystem((tx) => tx.execute(sql`update supervision_sessions set summary = 'changed'`)),
    ).rejects.toThrow();
    await expect(
      asSystem((tx) => tx.execute(sql`delete from contact_notes where note_id = ${noteId}`)),
    ).rejects.toThrow();
  });

  it('corrects a note as a new version with its reason, refusing a stale version or no change', async () => {
    const url = `/api/caseload/${referralId}/notes/${noteId}/corrections`;
    const same = await post(
      emhp,
      url,
      { body: 'Met at school. Talked about sleep.', reason: 'Typo' },
      { 'if-match': '"1"' },
    );
    expect(same.statusCode).toBe(400);
    expect(same.json().invalidParams[0].name).toBe('body');
    const noReason = await post(emhp, url, { body: 'Met at home.', reason: '' }, { 'if-match': '"1"' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().invalidParams[0].name).toBe('reason');
    expect((await post(emhp, url, { body: 'Met at home.', reason: 'Wrong place' })).statusCode).toBe(428);
    clock.advance(5 * MINUTE);
    const done = await post(
      emhp,
      url,
      { body: 'Met at home. Talked about sleep.', reason: 'Wrong place' },
      { 'if-match': '"1"' },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().version).toBe(2);
    expect(done.headers.etag).toBe('"2"');
    const stale = await post(
      emhp,
      url,
      { body: 'Met in the park.', reason: 'Wrong again' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
  });

  it('lists notes newest first with their history and sign-off state, and logs the read', async () => {
    clock.advance(MINUTE);
    await post(emhp, `/api/caseload/${referralId}/notes`, {
      body: 'Phoned mum to rebook.',
      inConfidence: false,
    });
    const before = await accessRows(emhpUser.id);
    const list = await get(emhp, `/api/caseload/${referralId}/notes`);
    expect(list.statusCode, list.body).toBe(200);
    expect(await accessRows(emhpUser.id)).toBe(before + 1);
    const [newest, corrected] = list.json().items;
    expect(newest.current.body).toBe('Phoned mum to rebook.');
    expect(corrected.noteId).toBe(noteId);
    expect(corrected.inConfidence).toBe(true);
    expect(corrected.current).toMatchObject({
      version: 2,
      correctionReason: 'Wrong place',
      writtenBy: emhpUser.id,
    });
    expect(corrected.current.writerName).toBe(emhpUser.displayName);
    expect(corrected.earlier.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(corrected.signOff).toMatchObject({ kind: 'not-signed-off', text: 'Not yet signed off' });
  });

  it('shows the supervisor the current version to sign, never another team’s or their own', async () => {
    const before = await accessRows(supervisorUser.id);
    const list = await get(supervisor, '/api/supervision/notes-to-sign');
    expect(list.statusCode, list.body).toBe(200);
    expect(await accessRows(supervisorUser.id)).toBe(before + 1);
    const mine = list.json().items.filter((n: { noteId: string }) => n.noteId === noteId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ version: 2, practitionerName: emhpUser.displayName });
    expect(mine[0].reference).toMatch(/^[A-Z]{2}-/);
    const others = (await get(otherSupervisor, '/api/supervision/notes-to-sign')).json().items;
    expect(others.some((n: { noteId: string }) => n.noteId === noteId)).toBe(false);
    expect((await get(emhp, '/api/supervision/notes-to-sign')).statusCode).toBe(403);
  });

  it('signs off the current version once; another team’s supervisor gets 404', async () => {
    const url = `/api/supervision/notes/${noteId}/sign-off`;
    expect((await post(otherSupervisor, url, { comment: '' }, { 'if-match': '"2"' })).statusCode).toBe(404);
    expect((await post(supervisor, url, { comment: '' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await post(emhp, url, { comment: '' }, { 'if-match': '"2"' })).statusCode).toBe(403);
    const done = await post(supervisor, url, { comment: 'Good plan' }, { 'if-match': '"2"' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await post(supervisor, url, { comment: '' }, { 'if-match': '"2"' })).statusCode).toBe(409);
    const note = (await get(emhp, `/api/caseload/${referralId}/notes`))
      .json()
      .items.find((n: { noteId: string }) => n.noteId === noteId);
    expect(note.signOff.kind).toBe('signed-off');
    expect(note.signOff.text).toBe(`Signed off by ${supervisorUser.displayName} on Monday 23 November 2026`);
    const left = (await get(supervisor, '/api/supervision/notes-to-sign')).json().items;
    expect(left.some((n: { noteId: string }) => n.noteId === noteId)).toBe(false);
  });

  it('asks for a new sign-off after a correction, and refuses a supervisor’s sign-off of their own note', async () => {
    const corrected = await post(
      emhp,
      `/api/caseload/${referralId}/notes/${noteId}/corrections`,
      { body: 'Met at home. Talked about sleep and school.', reason: 'Left out school' },
      { 'if-match': '"2"' },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    const note = (await get(emhp, `/api/caseload/${referralId}/notes`))
      .json()
      .items.find((n: { noteId: string }) => n.noteId === noteId);
    expect(note.signOff).toMatchObject({
      kind: 'correction-not-signed-off',
      text: 'Correction not yet signed off',
    });
    expect(note.earlier[0].signedOffBy).toBe(supervisorUser.displayName);
    const own = await post(supervisor, `/api/caseload/${referralId}/notes`, {
      body: 'Supervisor joined the session.',
      inConfidence: false,
    });
    expect(own.statusCode, own.body).toBe(200);
    const refused = await post(
      supervisor,
      `/api/supervision/notes/${own.json().noteId}/sign-off`,
      { comment: '' },
      { 'if-match': '"1"' },
    );
    expect(refused.statusCode).toBe(409);
    const signed = await asSystem((tx) =>
      tx
        .select()
        .from(noteSignOffs)
        .where(and(eq(noteSignOffs.noteId, noteId))),
    );
    expect(signed.map((s) => s.version)).toEqual([2]);
  });

  it('keeps a supervision log: recorded for the team, each practitioner sees only their own', async () => {
    const session = {
      practitionerUserId: emhpUser.id,
      heldAt: '2026-11-20T14:00:00Z',
      kind: 'case-management',
      casesDiscussed: 6,
      summary: 'Reviewed the caseload; two near the end of their sessions.',
      actions: 'Book review meetings.',
    };
    expect((await post(otherSupervisor, '/api/supervision/sessions', session)).statusCode).toBe(404);
    expect((await post(emhp, '/api/supervision/sessions', session)).statusCode).toBe(403);
    const future = await post(supervisor, '/api/supervision/sessions', {
      ...session,
      heldAt: '2026-12-20T14:00:00Z',
    });
    expect(future.statusCode).toBe(400);
    const logOf = async () =>
      (await get(supervisor, `/api/supervision/sessions?practitionerUserId=${emhpUser.id}`)).json();
    const before = (await logOf()).items.length;
    const mineBefore = (await get(emhp, '/api/supervision/sessions/mine')).json().items.length;
    const saved = await post(supervisor, '/api/supervision/sessions', session, {
      'idempotency-key': 'supervision-one',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const log = await logOf();
    expect(log.items).toHaveLength(before + 1);
    expect(log.items.every((s: { practitionerUserId: string }) => s.practitionerUserId === emhpUser.id)).toBe(
      true,
    );
    const ids = log.practitioners.map((p: { userId: string }) => p.userId);
    expect(ids).toContain(emhpUser.id);
    expect(ids).not.toContain(supervisorUser.id);
    const elsewhere = await get(
      otherSupervisor,
      `/api/supervision/sessions?practitionerUserId=${emhpUser.id}`,
    );
    expect(elsewhere.statusCode).toBe(404);
    const all = (await get(otherSupervisor, '/api/supervision/sessions')).json();
    expect(all.items.some((s: { id: string }) => s.id === saved.json().id)).toBe(false);
    const mine = await get(emhp, '/api/supervision/sessions/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(mineBefore + 1);
    expect(
      mine.json().items.every((s: { practitionerUserId: string }) => s.practitionerUserId === emhpUser.id),
    ).toBe(true);
    expect((await get(emhp, '/api/supervision/sessions')).statusCode).toBe(403);
    const [row] = await asSystem((tx) =>
      tx.select().from(supervisionSessions).where(eq(supervisionSessions.id, saved.json().id)),
    );
    expect(row).toMatchObject({
      supervisorUserId: supervisorUser.id,
      casesDiscussed: 6,
      kind: 'case-management',
    });
  });

  const accessRows = async (userId: string) =>
    (await ctx.database.db.select().from(accessLog).where(eq(accessLog.userId, userId))).length;
});
