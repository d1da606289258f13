import {
  assessmentToolCodes,
  attendStatusCodes,
  codeFor,
  consultationMechanismCodes,
  groupSessionTypeCodes,
  interventionCodes,
  onlineGenderIdentityCodes,
} from './codes.js';
import type { ContactFacts, DropInFacts, GroupSessionFacts, MeasureFacts } from './rows.js';
import { dateOf, defineTable, timeOf, timestampOf } from './table-definition.js';

// What happened: MHS201CareContact, MHS202CareActivity, MHS301GroupSession, MHS302MHDropInContact,
// MHS606CodedScoreAssessmentRefer and MHS607CodedScoreAssessmentAct.

const REFERRAL_ID = {
  name: 'ServiceRequestId',
  standing: 'mhsds',
  meaning: 'The referral (service request) the row belongs to',
  source: 'The referral reference: it holds no personal data',
} as const;

const PROVIDER = {
  name: 'OrgIDProv',
  standing: 'mhsds-unchecked',
  meaning: 'The organisation providing the service',
  source: 'The ODS code of the organisation that made the export',
} as const;

const CARE_ACTIVITY = {
  name: 'CareActId',
  standing: 'mhsds',
  meaning: 'The care activity',
  source: 'Lantern records one care activity per attended contact, so its id is the contact’s id',
} as const;

export const careContactTable = defineTable<ContactFacts, 'MHS201CareContact'>({
  name: 'MHS201CareContact',
  title: 'Care contact',
  rows: 'One row per appointment booked for a time in the period, for a referral in MHS101Referral.',
  columns: [
    {
      name: 'CareContactId',
      standing: 'mhsds',
      meaning: 'The care contact',
      source: 'care_contacts.id',
      value: (r) => r.contactId,
    },
    { ...REFERRAL_ID, value: (r) => r.reference },
    {
      name: 'LocalPatientId',
      standing: 'mhsds',
      meaning: 'The young person',
      source: 'As in MHS001MPI',
      value: (r) => r.patientId,
    },
    {
      name: 'CareContDate',
      standing: 'mhsds',
      meaning: 'The date of the contact',
      source: 'care_contacts.starts_at, as a London date',
      value: (r) => dateOf(r.startsAt),
    },
    {
      name: 'CareContTime',
      standing: 'mhsds-unchecked',
      meaning: 'The time of the contact',
      source: 'care_contacts.starts_at, as London time',
      value: (r) => timeOf(r.startsAt),
    },
    {
      name: 'ConsMechanismMH',
      standing: 'mhsds',
      meaning: 'How the contact happened',
      source: 'care_contacts.medium',
      codes: consultationMechanismCodes,
      value: (r) => codeFor(consultationMechanismCodes, r.medium),
    },
    {
      name: 'AttendStatus',
      standing: 'mhsds',
      meaning: 'Whether the young person attended',
      source: 'care_contacts.attend_status',
      codes: attendStatusCodes,
      notes:
        'Empty while attendance is not recorded yet. Only 5 and 6 count as attended contacts for waiting times and access.',
      value: (r) => codeFor(attendStatusCodes, r.attendStatus),
    },
    {
      name: 'GroupTherapyInd',
      standing: 'mhsds-unchecked',
      meaning: 'Whether the contact was group therapy with known attendees',
      source: 'care_contacts.kind (group-therapy)',
      notes: 'Y or N.',
      value: (r) => (r.isGroupTherapy ? 'Y' : 'N'),
    },
  ],
});

export const careActivityTable = defineTable<ContactFacts, 'MHS202CareActivity'>({
  name: 'MHS202CareActivity',
  title: 'Care activity',
  rows: 'One row per attended contact (AttendStatus 5 or 6) in MHS201CareContact.',
  columns: [
    { ...CARE_ACTIVITY, value: (r) => r.contactId },
    {
      name: 'CareContactId',
      standing: 'mhsds',
      meaning: 'The care contact the activity happened in',
      source: 'care_contacts.id',
      value: (r) => r.contactId,
    },
    { ...REFERRAL_ID, value: (r) => r.reference },
    {
      name: 'LanternIntervention',
      standing: 'lantern',
      meaning: 'The evidence-based intervention being given',
      source: 'The intervention chosen for the referral’s episode of care',
      codes: interventionCodes,
      notes: 'Lantern holds no SNOMED CT procedure codes. Empty before an intervention is chosen.',
      value: (r) => (r.intervention ? codeFor(interventionCodes, r.intervention) : ''),
    },
  ],
});

export const groupSessionTable = defineTable<GroupSessionFacts, 'MHS301GroupSession'>({
  name: 'MHS301GroupSession',
  title: 'Group session',
  rows: 'One row per group session held in the period by a team of the organisation, where who came is not known in advance (classroom workshops, assemblies). Nobody is named.',
  columns: [
    {
      name: 'GroupSessId',
      standing: 'mhsds-unchecked',
      meaning: 'The group session',
      source: 'group_sessions.id',
      value: (r) => r.sessionId,
    },
    { ...PROVIDER, value: (r) => r.providerCode },
    {
      name: 'GroupSessDate',
      standing: 'mhsds-unchecked',
      meaning: 'The date of the session',
      source: 'group_sessions.held_at, as a London date',
      value: (r) => dateOf(r.heldAt),
    },
    {
      name: 'NumberOfGroupSessParticip',
      standing: 'mhsds-unchecked',
      meaning: 'How many took part',
      source: 'group_sessions.attendee_count',
      value: (r) => r.attendeeCount,
    },
    {
      name: 'LanternGroupSessionType',
      standing: 'lantern',
      meaning: 'What kind of session it was',
      source: 'group_sessions.kind',
      codes: groupSessionTypeCodes,
      value: (r) => codeFor(groupSessionTypeCodes, r.kind),
    },
    {
      name: 'LanternSchoolUrn',
      standing: 'lantern',
      meaning: 'The school where it was held',
      source: 'group_sessions.school_urn',
      value: (r) => r.schoolUrn,
    },
  ],
});

export const dropInTable = defineTable<DropInFacts, 'MHS302MHDropInContact'>({
  name: 'MHS302MHDropInContact',
  title: 'Drop-in contact',
  rows: 'One row per online support drop-in chat a counsellor took in the period, for the organisation’s online services. Young people online are anonymous: no id of theirs is exported.',
  columns: [
    {
      name: 'MHDropInContId',
      standing: 'mhsds-unchecked',
      meaning: 'The drop-in contact',
      source: 'online_chats.id',
      value: (r) => r.chatId,
    },
    { ...PROVIDER, value: (r) => r.providerCode },
    {
      name: 'MHDropInContDate',
      standing: 'mhsds-unchecked',
      meaning: 'The date of the contact',
      source: 'When the counsellor took the chat, as a London date',
      value: (r) => dateOf(r.startedAt),
    },
    {
      name: 'ConsMechanismMH',
      standing: 'mhsds',
      meaning: 'How the contact happened',
      source: 'Always an online chat',
      codes: consultationMechanismCodes,
      value: () => codeFor(consultationMechanismCodes, 'online-chat'),
    },
    {
      name: 'GenderIDCode',
      standing: 'mhsds-unchecked',
      meaning: 'Gender identity as the young person gave it at sign-up',
      source: 'online_accounts.gender',
      codes: onlineGenderIdentityCodes,
      value: (r) => codeFor(onlineGenderIdentityCodes, r.gender),
    },
    {
      name: 'LanternAgeAtSignUp',
      standing: 'lantern',
      meaning: 'The age the young person gave at sign-up',
      source: 'online_accounts.age_at_sign_up (online support keeps no date of birth)',
      value: (r) => r.ageAtSignUp,
    },
  ],
});

const scoreColumns = [
  {
    name: 'CodedAssToolType',
    standing: 'mhsds-unchecked',
    meaning: 'The assessment tool',
    source: 'The instrument of the questionnaire answered',
    codes: assessmentToolCodes,
    notes:
      'Lantern local codes: replace with the SNOMED CT concept id of the tool’s score before any submission.',
    value: (r: MeasureFacts) => codeFor(assessmentToolCodes, r.instrumentId),
  },
  {
    name: 'PersScore',
    standing: 'mhsds-unchecked',
    meaning: 'The total score',
    source: 'measure_responses.total, worked out when it was completed',
    notes: 'Empty for a tool with no total.',
    value: (r: MeasureFacts) => r.total,
  },
  {
    name: 'AssToolCompTimestamp',
    standing: 'mhsds-unchecked',
    meaning: 'When it was completed',
    source: 'measure_responses.completed_at, as London local time',
    value: (r: MeasureFacts) => timestampOf(r.completedAt),
  },
  {
    name: 'LanternRespondent',
    standing: 'lantern',
    meaning: 'Who answered: the young person (self), a parent, or the clinician',
    source: 'measure_responses.respondent',
    notes: 'Paired scores compare answers by the same respondent.',
    value: (r: MeasureFacts) => r.respondent,
  },
] as const;

export const scoreReferralTable = defineTable<MeasureFacts, 'MHS606CodedScoreAssessmentRefer'>({
  name: 'MHS606CodedScoreAssessmentRefer',
  title: 'Coded score assessment (referral)',
  rows: 'One row per questionnaire completed in the period for a referral in MHS101Referral, not tied to an appointment.',
  columns: [{ ...REFERRAL_ID, value: (r) => r.reference }, ...scoreColumns],
});

export const scoreActivityTable = defineTable<MeasureFacts, 'MHS607CodedScoreAssessmentAct'>({
  name: 'MHS607CodedScoreAssessmentAct',
  title: 'Coded score assessment (care activity)',
  rows: 'One row per questionnaire completed in the period for an appointment of a referral in MHS101Referral.',
  columns: [
    { ...CARE_ACTIVITY, value: (r) => r.contactId },
    { ...REFERRAL_ID, value: (r) => r.reference },
    ...scoreColumns,
  ],
});
