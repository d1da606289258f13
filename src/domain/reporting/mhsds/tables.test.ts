import { describe, expect, it } from 'vitest';
import { serviceKind } from '../../../db/schema/organisations.js';
import { referralSource } from '../../../db/schema/referrals.js';
import { contactMedia } from '../../casework/appointments.js';
import {
  dischargeReasonCodes as lanternDischargeReasons,
  interventionCodes as lanternInterventions,
} from '../../casework/episode.js';
import { usageGenders } from '../../online/usage.js';
import { presentingNeedCodes } from '../../organisations/needs.js';
import { genderCodes, ethnicCategoryCodes as lanternEthnicCodes } from '../../people/child-details.js';
import { priorityCodes } from '../../referrals/triage-decisions.js';
import { groupSessionKinds } from '../../schools/whole-school.js';
import { attendStatuses } from '../../waiting/clocks.js';
import {
  attendStatusCodes,
  type CodeList,
  clinicalPriorityCodes,
  codeFor,
  codeLists,
  consultationMechanismCodes,
  dischargeReasonCodes,
  ethnicCategoryCodes,
  genderIdentityCodes,
  groupSessionTypeCodes,
  interventionCodes,
  LOCAL_PREFIX,
  onlineGenderIdentityCodes,
  primaryReasonCodes,
  referralSourceCodes,
  serviceTeamTypeCodes,
} from './codes.js';
import { dictionaryRows, headerLine, mhsdsTables, rowLines } from './tables.js';
import { careContactTable } from './tables-activity.js';
import { referralTable } from './tables-referral.js';

const lanternValues = (list: CodeList) => list.entries.map((e) => e.lantern).sort();

describe('MHSDS code lists', () => {
  it('cover every value Lantern can store', () => {
    const cases: [CodeList, readonly string[]][] = [
      [genderIdentityCodes, genderCodes],
      [onlineGenderIdentityCodes, usageGenders],
      [ethnicCategoryCodes, lanternEthnicCodes],
      [referralSourceCodes, referralSource.enumValues],
      [clinicalPriorityCodes, priorityCodes],
      [primaryReasonCodes, presentingNeedCodes],
      [serviceTeamTypeCodes, serviceKind.enumValues],
      [attendStatusCodes, attendStatuses],
      [consultationMechanismCodes, [...contactMedia, 'online-chat']],
      [groupSessionTypeCodes, groupSessionKinds],
      [interventionCodes, lanternInterventions],
      [dischargeReasonCodes, lanternDischargeReasons],
    ];
    for (const [list, values] of cases) expect(lanternValues(list), list.id).toEqual([...values].sort());
  });

  it('mark every local code as Lantern’s, and never a national one', () => {
    for (const list of codeLists) {
      for (const entry of list.entries) {
        if (list.standing === 'lantern-local')
          expect(entry.code.startsWith(LOCAL_PREFIX), list.id).toBe(true);
        else expect(entry.code.startsWith(LOCAL_PREFIX), list.id).toBe(false);
      }
      const codes = list.entries.map((e) => e.code);
      expect(new Set(codes).size, `${list.id} has a code twice`).toBe(codes.length);
    }
  });

  it('map attendance, mechanism, priority and gender to the national codes', () => {
    expect(
      ['attended', 'late-seen', 'did-not-attend', 'cancelled-by-patient', 'cancelled-by-service'].map((s) =>
        codeFor(attendStatusCodes, s),
      ),
    ).toEqual(['5', '6', '3', '2', '4']);
    expect(
      ['in-person', 'phone', 'video', 'online-chat'].map((m) => codeFor(consultationMechanismCodes, m)),
    ).toEqual(['01', '02', '11', '10']);
    expect(['emergency', 'urgent', 'routine'].map((p) => codeFor(clinicalPriorityCodes, p))).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(
      ['male', 'female', 'non-binary', 'self-described', 'prefer-not-to-say', null].map((g) =>
        codeFor(genderIdentityCodes, g),
      ),
    ).toEqual(['1', '2', '3', '4', 'Z', 'X']);
    expect(codeFor(referralSourceCodes, 'school')).toBe('LANTERN:school');
  });

  it('give an empty cell for nothing recorded, and a local code for a value it does not know', () => {
    expect(codeFor(attendStatusCodes, null)).toBe('');
    expect(codeFor(ethnicCategoryCodes, null)).toBe('99');
    expect(codeFor(attendStatusCodes, 'arrived-late-not-seen')).toBe('LANTERN:arrived-late-not-seen');
  });
});

describe('MHSDS table definitions', () => {
  it('have unique table names and unique column names within each table', () => {
    const names = mhsdsTables.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const table of mhsdsTables) {
      const columns = table.columns.map((c) => c.name);
      expect(new Set(columns).size, table.name).toBe(columns.length);
      for (const column of table.columns) {
        if (column.standing === 'lantern') expect(column.name.startsWith('Lantern'), column.name).toBe(true);
      }
    }
  });

  it('give the dictionary one row per column, in the same order as the CSV headers', () => {
    const rows = dictionaryRows();
    const fromTables = mhsdsTables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`));
    expect(rows.map((r) => `${r[0]}.${r[1]}`)).toEqual(fromTables);
    for (const table of mhsdsTables) {
      const header = headerLine(table as never)
        .trim()
        .split(',');
      expect(rows.filter((r) => r[0] === table.name).map((r) => r[1])).toEqual(header);
    }
  });

  it('turn a referral and a contact into exact rows', () => {
    const referral = {
      referralId: 'r1',
      reference: 'LV-AAAA-01',
      patientId: 'p1',
      providerCode: 'RZ9',
      receivedAt: new Date('2026-01-15T09:05:00Z'),
      source: 'gp',
      priority: null,
      isUrgent: false,
      presentingNeeds: [],
      serviceKind: null,
      closedAt: null,
      closeReason: null,
      declinedAt: new Date('2026-01-20T12:00:00Z'),
      signpostedAt: null,
    };
    expect(rowLines(referralTable, [referral])).toBe(
      'LV-AAAA-01,p1,RZ9,2026-01-15,09:05:00,LANTERN:gp,,,,2026-01-20,\r\n',
    );
    const contact = {
      contactId: 'c1',
      reference: 'LV-AAAA-01',
      patientId: 'p1',
      // 23:30 UTC in summer is half past midnight the next day in London.
      startsAt: new Date('2026-06-01T23:30:00Z'),
      medium: 'phone',
      attendStatus: 'cancelled-by-service',
      isGroupTherapy: true,
      intervention: null,
    };
    expect(rowLines(careContactTable, [contact])).toBe('c1,LV-AAAA-01,p1,2026-06-02,00:30:00,02,4,Y\r\n');
  });
});
