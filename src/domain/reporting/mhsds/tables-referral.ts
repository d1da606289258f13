import {
  clinicalPriorityCodes,
  codeFor,
  dischargeReasonCodes,
  ethnicCategoryCodes,
  genderIdentityCodes,
  onwardDirectionCodes,
  primaryReasonCodes,
  referralSourceCodes,
  serviceTeamTypeCodes,
} from './codes.js';
import type { OnwardReferralFacts, PersonFacts, ReferralFacts } from './rows.js';
import { dateOf, defineTable, timeOf } from './table-definition.js';

// The person and the referral: MHS001MPI, MHS101Referral, MHS102OtherServiceType, MHS105OnwardReferral.

const REFERRAL_ID = {
  name: 'ServiceRequestId',
  standing: 'mhsds',
  meaning: 'The referral (service request) the row belongs to',
  source: 'The referral reference, such as LV-7K3P-QX: it holds no personal data',
} as const;

const PATIENT_ID = {
  name: 'LocalPatientId',
  standing: 'mhsds',
  meaning: 'The young person, as the provider identifies them',
  source: 'Lantern’s id for the child’s record',
  notes: 'Where a triage clinician linked two records as the same young person, the surviving record’s id.',
} as const;

const PROVIDER = {
  name: 'OrgIDProv',
  standing: 'mhsds-unchecked',
  meaning: 'The organisation providing the service',
  source: 'The ODS code of the organisation that made the export (organisations.code)',
} as const;

export const personTable = defineTable<PersonFacts, 'MHS001MPI'>({
  name: 'MHS001MPI',
  title: 'Master patient index',
  rows: 'One row per young person with a referral in the export (received in the period, or open during it). Postcode is left out: nothing in these tables needs it.',
  columns: [
    { ...PATIENT_ID, value: (r) => r.patientId },
    {
      name: 'OrgIDLocalPatientId',
      standing: 'mhsds-unchecked',
      meaning: 'The organisation that issued the local patient id',
      source: 'The ODS code of the organisation that made the export',
      value: (r) => r.providerCode,
    },
    {
      name: 'NHSNumber',
      standing: 'mhsds',
      meaning: 'NHS number',
      source: 'The child’s record, checked with the modulus 11 rule at intake',
      notes: 'Empty when the referral arrived without one. Not traced against the national spine by Lantern.',
      value: (r) => r.nhsNumber,
    },
    {
      name: 'PersonBirthDate',
      standing: 'mhsds',
      meaning: 'Date of birth',
      source: 'The child’s record',
      value: (r) => r.dateOfBirth,
    },
    {
      name: 'GenderIDCode',
      standing: 'mhsds-unchecked',
      meaning: 'Gender identity as the young person stated it',
      source: 'The child’s record (gender)',
      codes: genderIdentityCodes,
      value: (r) => codeFor(genderIdentityCodes, r.gender),
    },
    {
      name: 'EthnicCategory',
      standing: 'mhsds',
      meaning: 'Ethnic category',
      source: 'The child’s record (NHS ethnic category code)',
      codes: ethnicCategoryCodes,
      value: (r) => codeFor(ethnicCategoryCodes, r.ethnicity),
    },
    {
      name: 'OrgIDEduEstab',
      standing: 'mhsds-unchecked',
      meaning: 'The school or college the young person attends',
      source: 'The school recorded for the child at the end of the period, else the school on the referral',
      notes: 'The school’s URN from Get Information About Schools.',
      value: (r) => r.schoolUrn,
    },
  ],
});

export const referralTable = defineTable<ReferralFacts, 'MHS101Referral'>({
  name: 'MHS101Referral',
  title: 'Referral',
  rows: 'One row per referral received in the period or open at any time during it, for the organisation that made the export.',
  columns: [
    { ...REFERRAL_ID, value: (r) => r.reference },
    { ...PATIENT_ID, value: (r) => r.patientId },
    { ...PROVIDER, value: (r) => r.providerCode },
    {
      name: 'ReferralRequestReceivedDate',
      standing: 'mhsds',
      meaning: 'The date the referral was received: the waiting clock starts here',
      source: 'referrals.received_at, as a London date',
      value: (r) => dateOf(r.receivedAt),
    },
    {
      name: 'ReferralRequestReceivedTime',
      standing: 'mhsds-unchecked',
      meaning: 'The time the referral was received',
      source: 'referrals.received_at, as London time',
      value: (r) => timeOf(r.receivedAt),
    },
    {
      name: 'SourceOfReferralMH',
      standing: 'mhsds',
      meaning: 'Who made the referral',
      source: 'referrals.source',
      codes: referralSourceCodes,
      notes: 'Lantern local codes: map them to the national codes before any submission.',
      value: (r) => codeFor(referralSourceCodes, r.source),
    },
    {
      name: 'PrimReasonReferralMH',
      standing: 'mhsds',
      meaning: 'The main reason for the referral',
      source: 'The first presenting need on the referral',
      codes: primaryReasonCodes,
      notes:
        'Lantern local codes: map them to the national codes before any submission. Empty when no need was chosen.',
      value: (r) => (r.presentingNeeds[0] ? codeFor(primaryReasonCodes, r.presentingNeeds[0]) : ''),
    },
    {
      name: 'ClinRespPriorityType',
      standing: 'mhsds',
      meaning: 'How quickly the service must respond',
      source:
        'The priority set at triage; before triage, urgent when the referral was marked urgent at intake',
      codes: clinicalPriorityCodes,
      notes: 'Empty for a routine referral not yet triaged. Lantern has no "very urgent" (4).',
      value: (r) => codeFor(clinicalPriorityCodes, r.priority ?? (r.isUrgent ? 'urgent' : null)),
    },
    {
      name: 'ServDischDate',
      standing: 'mhsds',
      meaning: 'The date the young person was discharged from the service',
      source:
        'When the episode of care closed (discharge, step up, step down or referral on), or when triage signposted the family elsewhere',
      notes: 'Empty when it happened after the period ended, or has not happened.',
      value: (r) => dateOf(r.closedAt ?? r.signpostedAt),
    },
    {
      name: 'ReferRejectionDate',
      standing: 'mhsds',
      meaning: 'The date the referral was not accepted',
      source: 'The triage decision that declined it',
      notes: 'Empty when it happened after the period ended, or has not happened.',
      value: (r) => dateOf(r.declinedAt),
    },
    {
      name: 'LanternClosureReason',
      standing: 'lantern',
      meaning: 'Why the episode of care closed',
      source: 'episodes.close_reason',
      codes: dischargeReasonCodes,
      value: (r) => (r.closedAt ? codeFor(dischargeReasonCodes, r.closeReason) : ''),
    },
  ],
});

export const otherServiceTable = defineTable<ReferralFacts, 'MHS102OtherServiceType'>({
  name: 'MHS102OtherServiceType',
  title: 'Service or team type referred to',
  rows: 'One row per referral in MHS101Referral that is with a service.',
  columns: [
    { ...REFERRAL_ID, value: (r) => r.reference },
    {
      name: 'ServTeamTypeRefToMH',
      standing: 'mhsds-unchecked',
      meaning: 'The kind of service or team the referral is with',
      source: 'The kind of the referral’s current service',
      codes: serviceTeamTypeCodes,
      notes: 'Lantern local codes: map them to the national team types before any submission.',
      value: (r) => codeFor(serviceTeamTypeCodes, r.serviceKind),
    },
    {
      name: 'ReferClosureDate',
      standing: 'mhsds-unchecked',
      meaning: 'The date the service closed the referral',
      source: 'The discharge, signposting or decline date, whichever applies',
      notes: 'Empty when it happened after the period ended, or has not happened.',
      value: (r) => dateOf(r.closedAt ?? r.signpostedAt ?? r.declinedAt),
    },
  ],
});

export const onwardReferralTable = defineTable<OnwardReferralFacts, 'MHS105OnwardReferral'>({
  name: 'MHS105OnwardReferral',
  title: 'Onward referral',
  rows: 'One row per step up, step down or onward referral made in the period from a referral in MHS101Referral.',
  columns: [
    { ...REFERRAL_ID, value: (r) => r.reference },
    {
      name: 'OnwardReferDate',
      standing: 'mhsds-unchecked',
      meaning: 'The date of the onward referral',
      source: 'onward_referrals.referred_at, as a London date',
      value: (r) => dateOf(r.referredAt),
    },
    {
      name: 'OrgIDReceiving',
      standing: 'mhsds-unchecked',
      meaning: 'The organisation referred to',
      source: 'The ODS code of the organisation chosen, when it is one Lantern knows',
      notes: 'Empty when only the service’s name was typed: names in words are not exported.',
      value: (r) => r.receivingOrganisationCode,
    },
    {
      name: 'LanternOnwardDirection',
      standing: 'lantern',
      meaning: 'Whether it was a step up, a step down or a referral on',
      source: 'onward_referrals.direction',
      codes: onwardDirectionCodes,
      value: (r) => codeFor(onwardDirectionCodes, r.direction),
    },
  ],
});
