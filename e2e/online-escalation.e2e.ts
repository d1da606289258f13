import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import { openChat } from '../src/db/repositories/online-chats.repository.js';
import { users } from '../src/db/schema/identity.js';
import { withScope } from '../src/db/scoped.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import {
  demoOnlineService,
  type YoungPersonSession,
  youngPersonSession,
} from '../src/test-support/online.js';
import { arriveAt, desktopPage, pollPatiently, signInStaff } from './front-door-helpers.js';
import { expectNoAxeViolationsOnPhone } from './mhst-helpers.js';
import {
  COUNSELLOR_EMAIL,
  DUTY_SENIOR_EMAIL,
  expectFitsPhone,
  signedInCounsellor,
  signedInYoungPersonPhone,
  startOnlineJourney,
} from './online-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey } from './support.js';

// A young person in a chat with a counsellor writes a risk phrase. The counsellor sees it marked,
// and escalates with the young person's name and where they are. A duty senior sees the alert on
// the duty board, acknowledges it and joins the chat; the young person is told. The single point of
// access clinician finds the urgent safeguarding referral at the top of the triage queue.
describe('Online support: escalation when a young person is at risk', () => {
  let journey: Journey;
  let youngSession: YoungPersonSession;
  let chatId = '';
  beforeAll(async () => {
    pollPatiently();
    journey = await startOnlineJourney({
      prepare: async (database) => {
        const service = await demoOnlineService(database.db);
        youngSession = await youngPersonSession(database.db, { age: 15 });
        const [counsellor] = await database.db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, COUNSELLOR_EMAIL));
        const chat = await withScope(database.db, systemScope('journey: a chat already taken'), (tx) =>
          openChat(tx, {
            serviceId: service.id,
            accountId: youngSession.accountId,
            kind: 'drop-in',
            status: 'active',
            queuedAt: new Date(),
            takenAt: new Date(),
            counsellorUserId: counsellor?.id ?? null,
          }),
        );
        chatId = chat.id;
      },
    });
  });
  afterAll(() => journey?.close());

  it('a counsellor escalates, a duty senior acknowledges and joins, and the front door has the referral', async () => {
    const young = await signedInYoungPersonPhone(journey.browser, journey.baseUrl, youngSession);
    const youngErrors = collectPageErrors(young);
    await young.goto(`${journey.baseUrl}/online/chat`);
    await arriveAt(young, /^Chat with .+ – Lantern$/, 'young person in a chat');
    const words = 'Everything is too much. I want to kill myself tonight.';
    await young.getByLabel('Your message').fill(words);
    await young.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => young.getByRole('log').innerText()).toContain(words);

    // The counsellor sees the phrase marked, and escalates with who the young person said they are.
    const counsellor = await signedInCounsellor(journey.browser, journey.baseUrl);
    const counsellorErrors = collectPageErrors(counsellor);
    await counsellor.goto(`${journey.baseUrl}/staff/online/chats/${chatId}`);
    await arriveAt(counsellor, /^Chat with .+ – Lantern$/, 'counsellor chat with a risk phrase');
    const log = counsellor.getByRole('log');
    await expect.poll(() => log.locator('mark', { hasText: 'kill myself' }).count()).toBe(1);
    await counsellor.getByLabel('High').check();
    await counsellor.getByLabel('Notes (optional)').fill('Plan and intent tonight.');
    await counsellor.getByRole('button', { name: 'Save risk assessment' }).click();
    const banner = counsellor.locator('.nhsuk-notification-banner');
    await expect.poll(() => banner.textContent()).toContain('Risk assessment saved.');
    await counsellor.getByRole('button', { name: 'Escalate', exact: true }).click();
    await counsellor
      .getByLabel('Why are you escalating?')
      .fill('Says they will kill themselves tonight; has tablets.');
    await counsellor.getByLabel('Yes, they told me who they are').check();
    await counsellor.getByLabel('First name').fill('Robin');
    await counsellor.getByLabel('Last name').fill('Escalationtest');
    await counsellor.getByLabel('Date of birth').fill('2011-05-06');
    await counsellor.getByLabel('Where are they now?').fill('At home in their bedroom');
    await expectNoAxeViolations(counsellor, 'escalation form, filled in');
    await counsellor.getByRole('button', { name: 'Escalate now' }).click();
    await expect.poll(() => banner.textContent()).toContain('The duty seniors have been told.');
    const said = (await banner.textContent()) ?? '';
    const reference = /safeguarding referral (\S+) is in the front door/.exec(said)?.[1] ?? '';
    expect(reference).toMatch(/^[A-Z]+-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    await expectNoAxeViolations(counsellor, 'counsellor chat after escalating');

    // A duty senior sees the alert, acknowledges it and joins the chat.
    const duty = await desktopPage(journey.browser);
    const dutyErrors = collectPageErrors(duty);
    await signInStaff(duty, journey.baseUrl, DUTY_SENIOR_EMAIL);
    await duty.goto(`${journey.baseUrl}/staff/online/duty`);
    await arriveAt(duty, 'Duty board');
    const alert = duty.locator('article', { hasText: 'Escalation:' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/minutes? left/);
    // The phrase the young person wrote is on the board too, from the chat.
    await expect.poll(() => duty.locator('article', { hasText: 'Risk phrase:' }).count()).toBe(1);
    expect(await duty.getByText('Robin Escalationtest').count()).toBe(1);
    await alert.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect
      .poll(() => duty.locator('.nhsuk-notification-banner').textContent())
      .toContain('acknowledged');
    await expect.poll(() => alert.count()).toBe(0);
    await expectNoAxeViolations(duty, 'duty board after acknowledging');
    await expectNoAxeViolationsOnPhone(duty, 'duty board');
    const riskAlert = duty.locator('article', { hasText: 'Risk phrase:' }).first();
    await riskAlert.getByRole('button', { name: /^Join chat/ }).click();
    await arriveAt(duty, /^Chat with .+ – Lantern$/, 'duty senior in the chat');
    await expect
      .poll(() => young.getByRole('log').innerText())
      .toContain('A duty senior has joined the chat');
    await expectFitsPhone(young, 'chat after the duty senior joined');
    await expectNoAxeViolations(young, 'young person told the duty senior joined');

    // The duty senior keeps the risk phrase list: adds a phrase, then retires it; it stays listed.
    await duty.goto(`${journey.baseUrl}/staff/online/risk-phrases`);
    await arriveAt(duty, 'Risk phrases');
    await duty.getByLabel('Phrase', { exact: true }).fill('Nobody would miss me');
    await duty.getByLabel('Kind of risk').selectOption('suicide');
    await duty.getByRole('button', { name: 'Add phrase' }).click();
    const phraseBanner = duty.locator('.nhsuk-notification-banner');
    await expect
      .poll(() => phraseBanner.textContent())
      .toContain('“nobody would miss me” added to the list.');
    await duty.getByRole('button', { name: 'Retire “nobody would miss me”' }).click();
    await expect.poll(() => phraseBanner.textContent()).toContain('retired');
    const row = duty.locator('tr', { hasText: 'nobody would miss me' });
    await expect.poll(() => row.innerText()).toContain('Retired');
    await expectNoAxeViolationsOnPhone(duty, 'risk phrases');

    // The single point of access clinician sees the urgent referral in the triage queue.
    const spa = await desktopPage(journey.browser);
    await signInStaff(spa, journey.baseUrl, demoEmailFor('spa-clinician'));
    await spa.goto(`${journey.baseUrl}/staff/triage`);
    await arriveAt(spa, 'Triage queue');
    await expect.poll(() => spa.getByText(reference).count()).toBeGreaterThanOrEqual(1);
    expect(await spa.locator('body').innerText()).toContain('Robin Escalationtest');
    expect([...youngErrors, ...counsellorErrors, ...dutyErrors]).toEqual([]);
  }, 360_000);
});
