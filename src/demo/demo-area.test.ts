import { describe, expect, it } from 'vitest';
import { staffRoles } from '../access/roles.js';
import { buildDemoArea, MAX_SCALE } from './demo-area.js';

describe('buildDemoArea', () => {
  const area = buildDemoArea({ seed: 42, scale: 1 });
  const { organisations: org } = area;

  it('is the same for the same seed, and different for another', () => {
    expect(buildDemoArea({ seed: 42, scale: 1 })).toEqual(area);
    expect(buildDemoArea({ seed: 43, scale: 1 }).organisations.schools).not.toEqual(org.schools);
  });

  it('builds one ICB with two councils and at least 60 fictional schools of every phase', () => {
    const kinds = org.organisations.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'integrated-care-board')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'local-authority')).toHaveLength(2);
    expect(org.schools.length).toBeGreaterThanOrEqual(60);
    expect(new Set(org.schools.map((s) => s.phase))).toEqual(
      new Set([
        'nursery',
        'primary',
        'secondary',
        'all-through',
        'sixteen-plus',
        'special',
        'alternative-provision',
      ]),
    );
    expect(org.schools.every((s) => s.urn >= 990_001 && s.isFictional)).toBe(true);
    expect(new Set(org.schools.map((s) => s.urn)).size).toBe(org.schools.length);
    expect(new Set(org.schools.map((s) => s.name)).size).toBe(org.schools.length);
  });

  it('has three MHSTs of about 20 schools each, each with a base school it serves', () => {
    const mhst = org.services.find((s) => s.kind === 'mhst');
    const teams = org.teams.filter((t) => t.serviceId === mhst?.id);
    expect(teams).toHaveLength(3);
    for (const team of teams) {
      const served = org.teamSchools.filter((ts) => ts.teamId === team.id).map((ts) => ts.schoolUrn);
      expect(served.length).toBeGreaterThanOrEqual(17);
      expect(served.length).toBeLessThanOrEqual(22);
      expect(served).toContain(team.baseSchoolUrn);
    }
    const allServed = org.teamSchools.map((ts) => ts.schoolUrn);
    expect(new Set(allServed).size).toBe(allServed.length);
  });

  it('has two CAMHS locality teams, early help, online support and voluntary sector services', () => {
    const camhs = org.services.find((s) => s.kind === 'camhs');
    expect(org.teams.filter((t) => t.serviceId === camhs?.id && t.name.includes('Locality'))).toHaveLength(2);
    const kinds = new Set(org.services.map((s) => s.kind));
    for (const kind of [
      'early-help',
      'online-support',
      'school-nursing',
      'voluntary-sector',
      'crisis',
    ] as const) {
      expect(kinds).toContain(kind);
    }
    expect(org.directoryEntries).toHaveLength(org.services.length);
  });

  it('has staff for every role, with unique emails', () => {
    const roles = new Set(area.identity.userRoles.map((r) => r.role));
    expect([...roles].sort()).toEqual([...staffRoles].sort());
    const emails = area.identity.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toContain('emhp@demo.lantern.example');
  });

  it('keeps postcode districts and council codes fictional and unique at the largest scale', () => {
    const largest = buildDemoArea({ seed: 1, scale: MAX_SCALE }).organisations;
    const districts = largest.postcodeDistricts.map((d) => d.district);
    expect(new Set(districts).size).toBe(districts.length);
    expect(districts.every((d) => /^[A-Z]V\d{1,2}$/.test(d) && !d.startsWith('WV'))).toBe(true);
    const codes = largest.organisations.filter((o) => o.kind === 'local-authority').map((o) => o.code);
    expect(codes.every((code) => /^F\d{3}$/.test(code))).toBe(true);
    expect(() => buildDemoArea({ seed: 1, scale: MAX_SCALE + 1 })).toThrow(RangeError);
  });

  it('grows with --scale', () => {
    const bigger = buildDemoArea({ seed: 42, scale: 3 });
    expect(bigger.organisations.schools).toHaveLength(org.schools.length * 3);
    expect(bigger.organisations.organisations.filter((o) => o.kind === 'local-authority')).toHaveLength(6);
    const urns = bigger.organisations.schools.map((s) => s.urn);
    expect(new Set(urns).size).toBe(urns.length);
    const districts = bigger.organisations.postcodeDistricts.map((d) => d.district);
    expect(new Set(districts).size).toBe(districts.length);
  });
});

describe('demo staff', () => {
  it('places early help workers in their council, not the ICB', () => {
    const area = buildDemoArea({ seed: 5, scale: 1 });
    const councils = new Set(
      area.organisations.organisations.filter((o) => o.kind === 'local-authority').map((o) => o.id),
    );
    const workers = area.identity.userRoles
      .filter((r) => r.role === 'early-help-worker')
      .map((r) => r.userId);
    const orgs = area.identity.users.filter((u) => workers.includes(u.id ?? '')).map((u) => u.organisationId);
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((id) => councils.has(id))).toBe(true);
  });
});
