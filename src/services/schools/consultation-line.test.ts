import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../access/authorise.js';
import type { StaffRole } from '../../access/roles.js';
import { AppError } from '../../domain/app-error.js';
import { consultationLineTeams, teamForCall } from './consultation-line.js';

const actor = (grants: [StaffRole, string | null][]): StaffActor => ({
  kind: 'staff',
  userId: 'u',
  organisationId: 'o',
  roles: grants.map(([role]) => role),
  grants: grants.map(([role, teamId]) => ({ role, teamId, serviceId: null, schoolUrn: null })),
  sessionTokenHash: 'h',
  isSignedIn: true,
});

const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return [error.code, error.invalidParams?.[0]?.name];
    throw error;
  }
  return null;
};

describe('the team a consultation call is logged for', () => {
  it('is the one team of a person in one, whatever other roles they hold', () => {
    const one = actor([
      ['spa-clinician', 'spa'],
      ['emhp', 'mhst'],
    ]);
    expect(consultationLineTeams(one)).toEqual(['spa']);
    expect(teamForCall(one, undefined)).toBe('spa');
  });

  it('must be chosen, from their own, by a person in several teams', () => {
    const two = actor([
      ['camhs-clinician', 'north'],
      ['senior-practitioner', 'mhst'],
    ]);
    expect(fieldOf(() => teamForCall(two, undefined))).toEqual(['unprocessable-content', 'teamId']);
    expect(teamForCall(two, 'mhst')).toBe('mhst');
    expect(fieldOf(() => teamForCall(two, 'elsewhere'))).toEqual(['unprocessable-content', 'teamId']);
  });

  it('cannot be found for a person in no team that answers the line', () => {
    expect(fieldOf(() => teamForCall(actor([['spa-clinician', null]]), undefined))).toEqual([
      'unprocessable-content',
      'teamId',
    ]);
  });
});
