import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { Database } from '../src/db/client.js';
import { contactNotes } from '../src/db/schema/episodes.js';
import { users } from '../src/db/schema/identity.js';
import { carers, children } from '../src/db/schema/people.js';
import { referrals } from '../src/db/schema/referrals.js';
import { safeguardingConcerns } from '../src/db/schema/safeguarding.js';
import { withScope } from '../src/db/scoped.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { arriveAt, desktopPage, pollPatiently, signInStaff } from './front-door-helpers.js';
import { bodyRows } from './mhst-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// The privacy officer answers a mother's subject access request: finds the record by its referral
// reference, sees that the father (marked "do not share") must be refused, checks what the mother
// will not be given and why, downloads the record, and finds the request in the list.
const REFERENCE = 'LV-E2E-SAR';
const SECRET = 'SECRET told the practitioner about home';
const OPEN = 'Practised a breathing exercise together';

async function seedRecord(database: Database) {
  const [writer] = await database.db
    .select()
    .from(users)
    .where(eq(users.email, demoEmailFor('emhp')));
  if (!writer) throw new Error('no demo EMHP');
  const childId = randomUUID();
  const referralId = randomUUID();
  const at = new Date(Date.now() - 30 * 86_400_000);
  await withScope(database.db, systemScope('e2e seed'), async (tx) => {
    await tx.insert(children).values({
      id: childId,
      givenName: 'Alex',
      familyName: 'Journey',
      dateOfBirth: '2012-06-15',
      isFictional: true,
    });
    await tx.insert(carers).values([
      { childId, name: 'Jo Journey', relationship: 'mother', hasParentalResponsibility: true },
      {
        childId,
        name: 'Kim Journey',
        relationship: 'father',
        hasParentalResponsibility: true,
        doNotShare: true,
      },
    ]);
    await tx.insert(referrals).values({
      id: referralId,
      reference: REFERENCE,
      childId,
      receivedAt: at,
      source: 'school',
      organisationId: writer.organisationId,
      status: 'in-intervention',
    });
    await tx.insert(contactNotes).values([
      {
        noteId: randomUUID(),
        version: 1,
        referralId,
        body: SECRET,
        inConfidence: true,
        writtenAt: at,
        writtenBy: writer.id,
      },
      { noteId: randomUUID(), version: 1, referralId, body: OPEN, writtenAt: at, writtenBy: writer.id },
    ]);
    await tx.insert(safeguardingConcerns).values({
      referralId,
      organisationId: writer.organisationId,
      category: 'emotional',
      concern: 'SECRET concern about the father',
      raisedAt: at,
      raisedBy: writer.id,
    });
  });
}

describe('Subject access requests', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney({ prepare: seedRecord });
  });
  afterAll(() => journey?.close());

  it('a privacy officer refuses a "do not share" parent and gives the mother what she may have', async () => {
    const page = await desktopPage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('privacy-officer'));
    await page.getByRole('link', { name: 'Subject access requests' }).click();
    await arriveAt(page, 'Subject access requests');
    expect(await page.getByText('No records have been exported yet.').count()).toBe(1);

    await page.getByLabel('Referral reference', { exact: true }).check();
    await page.getByLabel('Referral reference', { exact: true }).last().fill(REFERENCE);
    await page.getByRole('button', { name: 'Find the record' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Alex Journey' }).count()).toBe(1);
    // The search went in the body: the page's address carries nothing about the child.
    expect(page.url()).toBe(`${journey.baseUrl}/staff/subject-access`);

    await page.getByLabel('A parent or carer').check();
    await page.getByLabel(/Kim Journey \(father\): marked do not share/).check();
    await page.getByRole('button', { name: 'Check what will be withheld' }).click();
    await expect.poll(() => page.getByText('This request must be refused').count()).toBe(1);
    expect(await page.locator('.nhsuk-warning-callout').innerText()).toMatch(/do not share/);
    await expectNoAxeViolations(page, 'refused request');

    await page.getByLabel(/^Jo Journey \(mother\)$/).check();
    await page.getByRole('button', { name: 'Check what will be withheld' }).click();
    const preview = page.getByRole('region', { name: /will get/ });
    await expect.poll(() => preview.count()).toBe(1);
    const words = await preview.innerText();
    expect(words).toContain('Notes: 1');
    expect(words).toContain('Safeguarding concerns and actions: 1');
    expect(words).toContain('Schedule 3 Part 2 paragraph 4');
    expect(words).not.toContain('SECRET');
    await expectNoAxeViolations(page, 'preview of what is withheld');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const file = await readFile((await download.path()) ?? '', 'utf8');
    expect(file).toContain(OPEN);
    expect(file).not.toContain('SECRET');
    await expect.poll(() => page.locator('.nhsuk-notification-banner').count()).toBe(1);

    const past = page.getByRole('table', { name: /newest first/ });
    const rows = await bodyRows(past);
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('A parent or carer');
    await expectNoAxeViolations(page, 'past requests');
    // The refused request is a 409 by design; the browser logs it, and nothing else may be logged.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    expect(errors.length).toBe(1);
  });
});
