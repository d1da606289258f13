import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemScope } from '../src/access/scope.js';
import { APP_ROLE, type Database, type LanternDb } from '../src/db/client.js';
import { appendAccessLog, appendAuditLog } from '../src/db/repositories/audit.repository.js';
import * as outbox from '../src/db/repositories/outbox.repository.js';
import * as referrals from '../src/db/repositories/referrals.repository.js';
import * as requests from '../src/db/repositories/requests.repository.js';
import { withScope } from '../src/db/scoped.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { idempotencySeal } from '../src/server/plugins/idempotency-seal.js';
import { referralAnswers } from '../src/test-support/referral-answers.js';

export interface Measured {
  label: string;
  perSecond: number;
  /** Latency quantiles in ms; pgbench reports only the mean, given as p50 with the others null. */
  p50ms: number;
  p95ms: number | null;
  p99ms: number | null;
}

const GIVEN = ['Amara', 'Oliver', 'Zainab', 'Jack', 'Mia', 'Kacper', 'Isla', 'Yusuf', 'Freya', 'Tomasz'];
const FAMILY = ['Okafor', 'Smith', 'Khan', 'Jones', 'Nowak', 'Patel', 'Evans', 'Begum', 'Taylor', 'Murphy'];
const base = referralAnswers();
let made = 0;

/** A valid public referral whose child has a different name from the last few hundred. */
function nextAnswers() {
  const n = made++;
  const child = {
    ...base.child,
    givenName: `${GIVEN[n % GIVEN.length]}`,
    familyName: `${FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length]}-${n}`,
  };
  return { ...base, child };
}

/**
 * The rows the intake writes for `nextAnswers()`, in one transaction under the same system scope:
 * child, carer, referral, consent, outbox message, audit row and access-log row (each with its hash
 * chain), as the issue defines the transaction. No HTTP, no validation, no checks.
 */
async function directTransaction(db: LanternDb, door: referrals.FrontDoor) {
  const { child, carers, contact, consent, risk, referrer, ...answers } = nextAnswers();
  const at = new Date();
  const childId = randomUUID();
  const referralId = randomUUID();
  const reference = `LV-${made.toString(32).toUpperCase().padStart(7, '0')}`;
  await withScope(db, systemScope('benchmark'), async (tx) => {
    await referrals.insertReferralWithChild(tx, {
      // Columns the intake sets to null are left to their default (null) here.
      child: {
        id: childId,
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth,
        nhsNumber: '9990000018',
        gender: child.gender,
        contactRoutes: contact.routes,
        contactEmail: contact.email ?? null,
        canLeaveMessage: contact.canLeaveMessage ?? false,
      },
      schoolUrn: null,
      carers: carers ?? [],
      referral: {
        id: referralId,
        reference,
        receivedAt: at,
        source: answers.kind,
        organisationId: door.organisationId,
        serviceId: door.serviceId,
        teamId: door.intakeTeamId,
        presentingNeeds: answers.needs,
        needDescription: answers.description,
        needDuration: answers.duration,
        needImpact: answers.impact,
        triedSoFar: answers.triedSoFar ?? '',
        riskToLifeNow: risk.riskToLifeNow,
        recentSelfHarm: risk.recentSelfHarm,
        riskToOthers: risk.riskToOthers,
        referrerName: referrer?.name ?? null,
        referrerRole: referrer?.relationship ?? null,
        referrerEmail: referrer?.email ?? null,
      },
      consent: {
        consentedBy: consent.consentBy,
        status: 'given',
        method: 'form',
        parentsMayBeTold: consent.parentsMayBeTold,
        recordedAt: at,
      },
    });
    const receivedOn = '1 December 2026';
    await outbox.enqueue(tx, [
      {
        createdAt: at,
        referralId,
        channel: 'email',
        template: 'referral-received',
        recipient: referrer?.email ?? 'parent@example.com',
        personalisation: { reference, receivedOn, lookedAtBy: '8 December 2026' },
      },
    ]);
    await appendAuditLog(tx, {
      occurredAt: at,
      requestId: randomUUID(),
      userId: null,
      entity: 'referral',
      entityId: referralId,
      action: 'received',
      before: null,
      after: { source: answers.kind, isUrgent: false, childId, teamId: door.intakeTeamId },
    });
    await appendAccessLog(
      db,
      {
        occurredAt: at,
        requestId: randomUUID(),
        userId: null,
        roles: [],
        organisationId: null,
        subjectKind: 'referral',
        subjectId: referralId,
        action: 'referral:create',
        outcome: 'allowed',
        basis: 'public-form',
      },
      tx,
    );
  });
  return referralId;
}

/** The direct transaction plus the endpoint's other queries: the front door and the idempotency key. */
async function directWithExtras(db: LanternDb) {
  const door = await referrals.findFrontDoor(db);
  if (!door) throw new Error('no front door');
  const seal = idempotencySeal('anonymous', randomUUID());
  const claim = await requests.claimIdempotencyKey(db, {
    owner: 'anonymous',
    keyHash: seal.keyHash,
    method: 'POST',
    path: '/api/referrals/public',
    requestHash: 'f'.repeat(64),
    at: new Date(),
  });
  await directTransaction(db, door);
  if ('claimedId' in claim) {
    await requests.completeIdempotencyKey(db, claim.claimedId, {
      statusCode: 201,
      contentType: 'application/json; charset=utf-8',
      sealedResponse: seal.seal({ reference: 'LV-0000-00' }),
    });
  }
}

function quantiles(latencies: number[], perSecond: number) {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { perSecond, p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99) };
}

/** Runs `work` from `connections` concurrent loops for `seconds`, as autocannon does over HTTP. */
async function loop(connections: number, seconds: number, work: () => Promise<unknown>) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await work();
        latencies.push(performance.now() - start);
      }
    }),
  );
  return quantiles(latencies, latencies.length / seconds);
}

/**
 * POSTs new referrals from a separate process (bench/referral-load.ts), each with a fresh
 * Idempotency-Key and child's name, so the load generator does not share Lantern's CPU.
 */
async function hammer(port: number, connections: number, seconds: number) {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'bench/referral-load.ts',
    String(port),
    String(connections),
    String(seconds),
  ]);
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  if (result.failed > 0) throw new Error(`submission failed: ${result.failed} requests did not get a 2xx`);
  return { perSecond: result.perSecond, p50ms: result.p50ms, p95ms: result.p95ms, p99ms: result.p99ms };
}

/** The same statements as the direct transaction, for pgbench (-M extended, as node-postgres sends them). */
function pgbenchScript(door: referrals.FrontDoor): string {
  const { kinds, userId, organisationId, teamIds, serviceIds, schoolUrns, breakGlass } = systemScope('bench');
  const setting = { kinds, userId, organisationId, teamIds, serviceIds, schoolUrns, breakGlass };
  // pgbench reads ":name" as a variable, even inside quotes: the JSON gets a space after each colon,
  // and the access-log action 'referral:create' is spelt with chr(58).
  const scope = JSON.stringify(setting).replaceAll(':', ': ');
  return `select gen_random_uuid() as child_id, gen_random_uuid() as referral_id,
  'LV-' || upper(substr(md5(random()::text), 1, 12)) as reference \\gset
begin;
select set_config('lantern.scope', '${scope}', true);
insert into children (id, given_name, family_name, date_of_birth, nhs_number, gender, contact_routes,
  contact_email, can_leave_message) values (:child_id, 'Amara', 'Okafor-' || :reference::text,
  '${base.child.dateOfBirth}', '9990000018', 'female', '{email}', 'parent@example.com', false);
insert into carers (child_id, name, relationship, has_parental_responsibility, do_not_share)
  values (:child_id, 'Grace Okafor', 'mother', true, false);
insert into referrals (id, reference, child_id, received_at, source, organisation_id, service_id, team_id,
  presenting_needs, is_urgent, need_description, need_duration, need_impact, tried_so_far, risk_to_life_now,
  recent_self_harm, risk_to_others, risk_details, referrer_name, referrer_role, referrer_email)
  values (:referral_id, :reference, :child_id, now(), 'parent', '${door.organisationId}',
  '${door.serviceId}', '${door.intakeTeamId}', '{anxiety}', false, '${base.description}', 'months',
  'quite-a-lot', '${base.triedSoFar}', false, false, false, '', 'Grace Okafor', 'mother', 'parent@example.com');
insert into referral_consents (referral_id, consented_by, status, method, parents_may_be_told, recorded_at)
  values (:referral_id, 'parent-or-carer', 'given', 'form', 'yes', now());
insert into outbox_messages (channel, template, recipient, personalisation, referral_id, created_at)
  values ('email', 'referral-received', 'parent@example.com',
  jsonb_build_object('reference', :reference::text, 'receivedOn', '1 December 2026'), :referral_id, now());
select coalesce(lantern_chain_tail('audit_log'), repeat('0', 64)) as previous \\gset
insert into audit_log (occurred_at, request_id, entity, entity_id, action, after, previous_hash, hash)
  values (now(), gen_random_uuid()::text, 'referral', :referral_id, 'received',
  jsonb_build_object('source', 'parent', 'childId', :child_id::text), :previous,
  encode(sha256(convert_to(:previous || :referral_id::text, 'UTF8')), 'hex'));
select coalesce(lantern_chain_tail('access_log'), repeat('0', 64)) as previous_access \\gset
insert into access_log (occurred_at, request_id, roles, basis, subject_kind, subject_id, action, outcome,
  previous_hash, hash) values (now(), gen_random_uuid()::text, '{}', 'public-form', 'referral',
  :referral_id::text, 'referral' || chr(58) || 'create', 'allowed', :previous_access::text,
  encode(sha256(convert_to(:previous_access::text || :referral_id::text, 'UTF8')), 'hex'));
commit;
`;
}

/** pgbench running the same INSERTs, as the app role, against the benchmark's own database. */
async function pgbench(url: string, door: referrals.FrontDoor, connections: number, seconds: number) {
  const folder = await mkdtemp(join(tmpdir(), 'lantern-pgbench-'));
  try {
    const script = join(folder, 'referral.sql');
    await writeFile(script, pgbenchScript(door));
    const threads = String(Math.min(connections, availableParallelism()));
    const args = ['-n', '-M', 'extended', '-c', String(connections), '-j', threads, '-T', String(seconds)];
    const run = promisify(execFile)('pgbench', [...args, '-f', script, url], {
      env: { ...process.env, PGOPTIONS: `-c role=${APP_ROLE}` },
    });
    const { stdout } = await run.catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      console.warn('pgbench is not installed (it comes with the PostgreSQL client package): no (c)');
      return { stdout: null };
    });
    if (stdout === null) return null;
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    const mean = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
    const failed = /number of failed transactions: (\d+)/.exec(stdout)?.[1];
    if (!tps || !mean || (failed && failed !== '0')) throw new Error(`pgbench said:\n${stdout}`);
    return { perSecond: Number(tps), p50ms: Number(mean), p95ms: null, p99ms: null };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export async function benchReferralSubmission(
  database: Database,
  options: { seconds: number; connections: number; url?: string | undefined },
): Promise<Record<'direct' | 'directWithExtras' | 'endpoint', Measured> & { pgbench: Measured | null }> {
  const { seconds, connections } = options;
  const db = database.db;
  const door = await referrals.findFrontDoor(db);
  if (!door) throw new Error('the benchmark database has no front door: write the demo area first');
  // One load generator on one address: lift the per-address limit on public requests for the run.
  const app = await buildApp(testConfig({ PUBLIC_REFERRALS_PER_HOUR: 10_000_000 }), {
    database,
    webAppFolder: '/nonexistent',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    // Warm every path so none pays for first-use compilation.
    await loop(2, 1, () => directWithExtras(db));
    await hammer(port, 2, 1);

    const direct = await loop(connections, seconds, () => directTransaction(db, door));
    const extras = await loop(connections, seconds, () => directWithExtras(db));
    const endpoint = await hammer(port, connections, seconds);
    const reference =
      database.kind === 'postgres' && options.url
        ? await pgbench(options.url, door, connections, seconds)
        : null;
    return {
      direct: { label: '(b) direct transaction, same rows', ...direct },
      directWithExtras: { label: '    (b) + front door, idempotency, access log', ...extras },
      endpoint: { label: '(a) POST /api/referrals/public', ...endpoint },
      pgbench: reference && { label: '(c) pgbench, same INSERTs', ...reference },
    };
  } finally {
    await app.close();
  }
}
