import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryMatch, DirectorySearchResult } from '../../contracts/directory.js';
import { buildDemoArea } from '../../demo/demo-area.js';
import { createTestApp, TEST_SEED } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';

const area = buildDemoArea({ seed: TEST_SEED, scale: 1 }).organisations;
const servedUrns = new Set(area.teamSchools.map((ts) => ts.schoolUrn));
const servedSchool = area.schools.find((s) => servedUrns.has(s.urn) && s.phase === 'secondary');
const unservedSchool = area.schools.find((s) => !servedUrns.has(s.urn));
const southvale = area.organisations.find((o) => o.name === 'Southvale');
const southDistrict = area.postcodeDistricts.find((d) => d.localAuthorityId === southvale?.id)?.district;

function bySlug(result: DirectorySearchResult, slug: string): DirectoryMatch {
  const match = result.matches.find((m) => m.slug === slug);
  if (!match) throw new Error(`no ${slug} in results`);
  return match;
}

describe.each(testDatabases)('the Find support directory on $name', (factory) => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  // A Tuesday at 7pm in London: the online service is open, weekday services are not.
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: () => new Date('2026-11-24T19:00:00Z') });
  });
  afterAll(() => ctx?.dispose());

  const search = async (query: string) => {
    const response = await ctx.app.inject(`/api/directory/services?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as DirectorySearchResult;
  };

  it('keeps searches out of shared caches', async () => {
    const response = await ctx.app.inject('/api/directory/services?need=self-harm');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('fits the MHST for a pupil at a school it works in, and says why', async () => {
    const result = await search(`age=13&school=${servedSchool?.urn}&need=anxiety`);
    expect(result.understood.schoolName).toBe(servedSchool?.name);
    const mhst = bySlug(result, 'mental-health-support-teams');
    expect(mhst.fit).toBe('yes');
    expect(mhst.reasons.map((r) => r.text)).toContain(`Works in ${servedSchool?.name}`);
    expect(result.matches[0]?.fit).toBe('yes');
  });

  it('says the MHST does not work in a school it does not serve', async () => {
    const mhst = bySlug(await search(`age=13&school=${unservedSchool?.urn}`), 'mental-health-support-teams');
    expect(mhst.fit).toBe('no');
    expect(mhst.reasons).toContainEqual({ isMet: false, text: `Does not work in ${unservedSchool?.name}` });
  });

  it("matches a council's early help by the postcode district people live in", async () => {
    const result = await search(`postcode=${southDistrict}%204AB`);
    expect(result.understood.homeAreaName).toBe('Southvale');
    expect(bySlug(result, 'southvale-early-help').fit).not.toBe('no');
    expect(bySlug(result, 'northvale-early-help').fit).toBe('no');
  });

  it('says when a postcode is outside the area', async () => {
    const result = await search('postcode=EC1A%201BB');
    expect(result.understood.isPostcodeOutsideArea).toBe(true);
    expect(result.understood.homeAreaName).toBeNull();
  });

  it('rules out services outside the age range and says which can be contacted directly', async () => {
    const result = await search('age=9');
    expect(bySlug(result, 'lantern-online').fit).toBe('no');
    expect(bySlug(result, 'lantern-online').reasons[0]).toEqual({
      isMet: false,
      text: 'Only for ages 11 to 19',
    });
    expect(bySlug(await search('age=15'), 'lantern-online').canSelfRefer).toBe(true);
  });

  it('always lists the crisis line, open now, apart from the other services', async () => {
    const result = await search('');
    expect(result.crisis.map((c) => c.slug)).toEqual(['crisis-line']);
    expect(result.crisis[0]?.isOpenNow).toBe(true);
    expect(result.matches.some((m) => m.kind === 'crisis')).toBe(false);
    expect(bySlug(result, 'lantern-online').isOpenNow).toBe(true);
    expect(bySlug(result, 'lantern-vale-camhs').isOpenNow).toBe(false);
    expect(bySlug(result, 'lantern-online').openingHours).toEqual([
      'Monday to Friday: midday to 10pm',
      'Saturday to Sunday: 6pm to 10pm',
    ]);
  });

  it('answers 400 naming the school for a URN it does not know', async () => {
    const response = await ctx.app.inject('/api/directory/services?school=123');
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([
      { name: 'school', reason: 'is not a school in this area' },
    ]);
  });

  it("shows one service's entry, and 404 for one that does not exist", async () => {
    const found = await ctx.app.inject('/api/directory/services/lantern-online');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      name: 'Lantern Online',
      ageMin: 11,
      ageMax: 19,
      acceptsSelfReferral: true,
    });
    const missing = await ctx.app.inject('/api/directory/services/no-such-service');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    const bad = await ctx.app.inject('/api/directory/services/Not_A_Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('slug');
  });

  it('names the area and says it is the fictional demo area', async () => {
    const response = await ctx.app.inject('/api/directory/area');
    expect(response.json()).toEqual({ name: 'Lantern Vale', isFictional: true });
  });

  it('lists the schools in the area by name', async () => {
    const response = await ctx.app.inject('/api/directory/schools');
    const { schools } = response.json() as { schools: { name: string; urn: number }[] };
    expect(schools).toHaveLength(area.schools.length);
    expect(schools.map((s) => s.name)).toEqual(
      [...schools.map((s) => s.name)].sort((a, b) => a.localeCompare(b)),
    );
  });
});
