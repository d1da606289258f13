import { describe, expect, it } from 'vitest';
import { matchRiskPhrases } from '../domain/online/risk-phrases.js';
import { isEveningOrWeekend, median } from '../domain/online/usage.js';
import { isOpenAt } from '../domain/organisations/opening-hours.js';
import { buildDemoArea, DEFAULT_DEMO_NOW } from './demo-area.js';
import { buildDemoOnline, DEMO_YOUNG_PERSON_USERNAME } from './demo-online.js';

// The demo area's online support activity: the same for a seed, shaped like the source documents'
// service (mostly girls, most use on evenings and weekends, waits of about 20 minutes).
const SEED = 7;
const now = DEFAULT_DEMO_NOW;
const area = buildDemoArea({ seed: SEED, scale: 1, referralMonths: 0 });
const online = buildDemoOnline(SEED, area, now, { activity: true });
const seen = online.chats.filter((c) => c.takenAt);
const share = (part: number, whole: number) => part / whole;

describe('the demo area’s online support', () => {
  it('is the same for the same seed', () => {
    const again = buildDemoOnline(SEED, area, now, { activity: true });
    expect(again).toEqual(online);
    expect(buildDemoOnline(SEED + 1, area, now, { activity: true }).chats[0]?.queuedAt).not.toEqual(
      online.chats[0]?.queuedAt,
    );
  });

  it('has activity only when the area has months of referrals, but always the service', () => {
    expect(area.online.accounts).toEqual([]);
    expect(area.online.services).toHaveLength(1);
    expect(area.online.services[0]?.id).toBe(online.services[0]?.id);
  });

  it('publishes the self-help articles, written by a counsellor and reviewed by a duty senior', () => {
    const roleOf = (id: unknown) => area.identity.userRoles.find((r) => r.userId === id)?.role;
    expect(area.online.articles.length).toBeGreaterThan(0);
    for (const article of area.online.articles) {
      expect(article.status).toBe('published');
      expect(roleOf(article.writtenBy)).toBe('online-counsellor');
      expect(roleOf(article.reviewedBy)).toBe('online-duty-senior');
      expect((article.publishedAt as Date) < now).toBe(true);
    }
  });

  it('has about 350 young people aged 11 to 19, about 70% girls, some non-binary or self-described', () => {
    expect(online.accounts.length).toBeGreaterThanOrEqual(340);
    expect(online.accounts.length).toBeLessThanOrEqual(360);
    expect(online.accounts.every((a) => a.ageAtSignUp >= 11 && a.ageAtSignUp <= 19)).toBe(true);
    const girls = share(online.accounts.filter((a) => a.gender === 'girl').length, online.accounts.length);
    expect(girls).toBeGreaterThan(0.62);
    expect(girls).toBeLessThan(0.8);
    expect(online.accounts.some((a) => a.gender === 'non-binary')).toBe(true);
    expect(online.accounts.some((a) => a.gender === 'self-described' && a.genderDescription)).toBe(true);
    const urns = new Set(area.organisations.schools.map((s) => s.urn));
    expect(online.accounts.filter((a) => a.schoolUrn).every((a) => urns.has(a.schoolUrn as number))).toBe(
      true,
    );
    expect(new Set(online.accounts.map((a) => a.usernameKey)).size).toBe(online.accounts.length);
  });

  it('has about 1,500 chats in the six months before now, inside opening hours', () => {
    expect(online.chats.length).toBeGreaterThanOrEqual(1_400);
    expect(online.chats.length).toBeLessThanOrEqual(1_600);
    const sixMonthsAgo = now.getTime() - 186 * 86_400_000;
    const hours = online.services[0]?.openingHours ?? [];
    for (const chat of online.chats) {
      expect(chat.queuedAt.getTime()).toBeGreaterThan(sixMonthsAgo);
      expect((chat.endedAt as Date).getTime()).toBeLessThan(now.getTime());
      expect(isOpenAt(hours, chat.queuedAt), chat.queuedAt.toISOString()).toBe(true);
    }
    const evenings = seen.filter((c) => isEveningOrWeekend(c.queuedAt)).length;
    expect(share(evenings, seen.length)).toBeGreaterThan(0.6);
    expect(share(evenings, seen.length)).toBeLessThan(0.7);
  });

  it('has drop-in waits mostly of 5 to 40 minutes, median about 20', () => {
    const waits = seen
      .filter((c) => c.kind === 'drop-in')
      .map((c) => ((c.takenAt as Date).getTime() - c.queuedAt.getTime()) / 60_000);
    expect(median(waits)).toBeGreaterThanOrEqual(17);
    expect(median(waits)).toBeLessThanOrEqual(23);
    expect(share(waits.filter((w) => w >= 5 && w <= 40).length, waits.length)).toBeGreaterThan(0.8);
  });

  it('gives every ended chat 4 to 20 messages, one risk assessment, and a summary note', () => {
    const assessed = new Map<string, number>();
    for (const r of online.riskAssessments) assessed.set(r.chatId, (assessed.get(r.chatId) ?? 0) + 1);
    const counts = new Map<string, number>();
    for (const m of online.chatMessages) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
    const ended = online.chats.filter((c) => c.status === 'ended');
    expect(ended.length).toBeGreaterThan(1_300);
    for (const chat of ended) {
      expect(assessed.get(chat.id as string)).toBe(1);
      expect(counts.get(chat.id as string)).toBeGreaterThanOrEqual(4);
      expect(counts.get(chat.id as string)).toBeLessThanOrEqual(20);
      expect(chat.lastSeq).toBe(counts.get(chat.id as string));
      expect(chat.summaryNote).toBeTruthy();
    }
    const levels = online.riskAssessments.map((r) => r.level);
    const low = levels.filter((l) => l === 'none-identified' || l === 'low').length;
    expect(share(low, levels.length)).toBeGreaterThan(0.85);
    expect(levels).toContain('high');
  });

  it('raises alerts only for the few escalations, all acknowledged in time', () => {
    const phrases = online.riskPhrases.map((p) => ({
      id: p.id as string,
      phrase: p.phrase,
      category: p.category,
    }));
    const flagged = online.chatMessages.filter((m) => matchRiskPhrases(m.body, phrases).length > 0);
    expect(flagged.every((m) => m.riskMatches && m.riskMatches.length > 0)).toBe(true);
    expect(online.escalations.length).toBeGreaterThan(0);
    expect(online.escalations.length).toBeLessThan(20);
    expect(flagged.length).toBe(online.escalations.length);
    expect(online.alerts).toHaveLength(2 * online.escalations.length);
    for (const alert of online.alerts) {
      expect(alert.acknowledgedAt).toBeTruthy();
      expect((alert.acknowledgedAt as Date) <= alert.acknowledgeBy).toBe(true);
    }
  });

  it('has about 60 bookings, some still to come, and message threads', () => {
    expect(online.bookings.length).toBeGreaterThanOrEqual(55);
    expect(online.bookings.length).toBeLessThanOrEqual(65);
    const upcoming = online.bookings.filter((b) => b.status === 'booked');
    expect(upcoming.length).toBeGreaterThanOrEqual(5);
    expect(upcoming.every((b) => b.startsAt > now)).toBe(true);
    expect(online.messages.filter((m) => m.direction === 'from-young-person').length).toBeGreaterThan(100);
  });

  it('has the named young person with chats, a booking, messages, a journal, moods and goals', () => {
    const river = online.accounts.find((a) => a.username === DEMO_YOUNG_PERSON_USERNAME);
    expect(river?.ageAtSignUp).toBe(15);
    const mine = <T extends { accountId: string }>(rows: T[]) =>
      rows.filter((r) => r.accountId === river?.id);
    expect(mine(online.chats).length).toBeGreaterThanOrEqual(3);
    expect(mine(online.bookings).some((b) => b.status === 'booked' && b.startsAt > now)).toBe(true);
    expect(mine(online.messages).length).toBeGreaterThanOrEqual(2);
    expect(mine(online.journalEntries).length).toBeGreaterThanOrEqual(3);
    const moods = mine(online.moodEntries).map((m) => m.recordedAt.getTime());
    expect((Math.max(...moods) - Math.min(...moods)) / 86_400_000).toBeGreaterThanOrEqual(19);
    expect(mine(online.goals)).toHaveLength(2);
    expect(mine(online.goalRatings).length).toBeGreaterThanOrEqual(4);
  });
});
