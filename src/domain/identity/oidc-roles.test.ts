import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../access/roles.js';
import { claimValues, mappedRoles, planRoleChanges } from './oidc-roles.js';

const roleMap: Record<string, StaffRole> = {
  'lantern-emhp': 'emhp',
  'lantern-admin': 'system-administrator',
  'S8000:G8000:R8000': 'camhs-clinician',
  'also-emhp': 'emhp',
};

describe('claimValues', () => {
  it.each([
    ['one string', 'lantern-emhp', ['lantern-emhp']],
    ['a list of strings', ['a', 'b'], ['a', 'b']],
    ['nothing', undefined, []],
    ['a number', 42, []],
    ['mixed lists, keeping only strings', ['a', 3, null, { name: 'x' }], ['a']],
    [
      "NHS CIS2's role objects, by role code",
      [{ role_code: 'S8000:G8000:R8000', role_name: '"Clinical":"Clinical Provision"' }],
      ['S8000:G8000:R8000'],
    ],
  ])('reads %s', (_label, claim, values) => {
    expect(claimValues(claim)).toEqual(values);
  });
});

describe('mappedRoles', () => {
  it('gives the mapped roles once each, in the order of the role table, ignoring unmapped values', () => {
    expect(mappedRoles(['lantern-emhp', 'unknown', 'lantern-admin', 'also-emhp'], roleMap)).toEqual([
      'system-administrator',
      'emhp',
    ]);
  });

  it('does not treat inherited object keys as mapped values', () => {
    expect(mappedRoles(['constructor', 'toString', '__proto__'], roleMap)).toEqual([]);
  });

  it('gives no roles for a missing claim', () => {
    expect(mappedRoles(undefined, roleMap)).toEqual([]);
  });
});

describe('planRoleChanges', () => {
  it('grants what is missing, revokes what is not wanted, and keeps team grants of wanted roles', () => {
    const held = [
      { id: 'g1', role: 'commissioner' },
      { id: 'g2', role: 'emhp' },
      { id: 'g3', role: 'emhp' },
    ];
    expect(planRoleChanges(held, ['emhp', 'safeguarding-lead'])).toEqual({
      toGrant: ['safeguarding-lead'],
      toRevoke: [{ id: 'g1', role: 'commissioner' }],
    });
  });

  it('always ends with exactly the wanted roles', () => {
    const role = fc.constantFrom(...staffRoles);
    fc.assert(
      fc.property(fc.array(role), fc.uniqueArray(role), (heldRoles, wanted) => {
        const held = heldRoles.map((r, index) => ({ id: `g${index}`, role: r }));
        const { toGrant, toRevoke } = planRoleChanges(held, wanted);
        const revoked = new Set(toRevoke.map((grant) => grant.id));
        const after = new Set([...held.filter((g) => !revoked.has(g.id)).map((g) => g.role), ...toGrant]);
        expect([...after].sort()).toEqual([...wanted].sort());
        expect(toGrant.every((r) => !heldRoles.includes(r))).toBe(true);
      }),
    );
  });
});
