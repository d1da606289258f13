import { dischargeReasons, interventions } from '../../casework/episode.js';
import { presentingNeeds } from '../../organisations/needs.js';
import { ethnicCategories, genders } from '../../people/child-details.js';
import { groupSessionKindLabels } from '../../schools/whole-school.js';

/**
 * The code lists the MHSDS-shaped export uses: how each Lantern value becomes the code in a CSV
 * cell. A list is `national` only where its codes were checked against the NHS Data Dictionary
 * (the source is named). Where Lantern's categories have no checked national code, the list is
 * `lantern-local`: every code starts `LANTERN:` so nobody can take it for a national code, and the
 * data dictionary says which national item a data team must map it to before any submission.
 * No official code is ever guessed.
 */

export interface CodeEntry {
  /** The value as Lantern stores it. */
  lantern: string;
  /** The code written to the CSV. */
  code: string;
  meaning: string;
}

export interface CodeList {
  id: string;
  title: string;
  standing: 'national' | 'lantern-local';
  source: string;
  entries: readonly CodeEntry[];
  /** The code for a value Lantern has not recorded, when the list has one; otherwise the cell is empty. */
  notRecorded?: CodeEntry;
}

export const LOCAL_PREFIX = 'LANTERN:';
const local = (lantern: string, meaning: string): CodeEntry => ({
  lantern,
  code: `${LOCAL_PREFIX}${lantern}`,
  meaning,
});
const localList = (labels: Record<string, string>) =>
  Object.entries(labels).map(([lantern, meaning]) => local(lantern, meaning));

const DATA_DICTIONARY = 'NHS Data Dictionary';

export const genderIdentityCodes: CodeList = {
  id: 'gender-identity',
  title: 'GENDER IDENTITY CODE',
  standing: 'national',
  source: `${DATA_DICTIONARY}, GENDER IDENTITY CODE`,
  entries: [
    { lantern: 'male', code: '1', meaning: `${genders.male} (including trans man)` },
    { lantern: 'female', code: '2', meaning: `${genders.female} (including trans woman)` },
    { lantern: 'non-binary', code: '3', meaning: genders['non-binary'] },
    { lantern: 'self-described', code: '4', meaning: 'Other (not listed): described in their own words' },
    { lantern: 'prefer-not-to-say', code: 'Z', meaning: 'Not stated (asked but declined to say)' },
  ],
  notRecorded: { lantern: '', code: 'X', meaning: 'Not known (not recorded)' },
};

/** Online support accounts record gender in a young person's own words: girl, boy and so on. */
export const onlineGenderIdentityCodes: CodeList = {
  ...genderIdentityCodes,
  id: 'online-gender-identity',
  entries: [
    { lantern: 'boy', code: '1', meaning: 'Boy: male (including trans man)' },
    { lantern: 'girl', code: '2', meaning: 'Girl: female (including trans woman)' },
    { lantern: 'non-binary', code: '3', meaning: 'Non-binary' },
    { lantern: 'self-described', code: '4', meaning: 'Other (not listed): described in their own words' },
    { lantern: 'prefer-not-to-say', code: 'Z', meaning: 'Not stated (asked but declined to say)' },
  ],
};

/** Lantern stores the NHS ethnic category codes themselves. */
export const ethnicCategoryCodes: CodeList = {
  id: 'ethnic-category',
  title: 'ETHNIC CATEGORY',
  standing: 'national',
  source: `${DATA_DICTIONARY}, ETHNIC CATEGORY (2001 census categories)`,
  entries: Object.entries(ethnicCategories).map(([code, meaning]) => ({ lantern: code, code, meaning })),
  notRecorded: { lantern: '', code: '99', meaning: ethnicCategories['99'] },
};

export const referralSourceCodes: CodeList = {
  id: 'referral-source',
  title: 'SOURCE OF REFERRAL FOR MENTAL HEALTH (Lantern local codes)',
  standing: 'lantern-local',
  source:
    'Lantern referral source. The MHSDS v6 national codes were not checked for this export: map school to the education service category, gp to general medical practice, parent to carer or relative, self to self referral, and professional to the referring professional’s own category.',
  entries: [
    local('school', 'A school or college (education service)'),
    local('gp', 'A GP (general medical practice)'),
    local(
      'professional',
      'Another professional: social care, health visitor, school nurse, police and others',
    ),
    local('parent', 'A parent or carer'),
    local('self', 'The young person themselves'),
  ],
};

export const clinicalPriorityCodes: CodeList = {
  id: 'clinical-response-priority',
  title: 'CLINICAL RESPONSE PRIORITY TYPE',
  standing: 'national',
  source: `${DATA_DICTIONARY}, CLINICAL RESPONSE PRIORITY TYPE`,
  entries: [
    { lantern: 'emergency', code: '1', meaning: 'Emergency' },
    { lantern: 'urgent', code: '2', meaning: 'Urgent/serious' },
    { lantern: 'routine', code: '3', meaning: 'Routine' },
  ],
};

export const primaryReasonCodes: CodeList = {
  id: 'primary-reason',
  title: 'PRIMARY REASON FOR REFERRAL (MENTAL HEALTH) (Lantern local codes)',
  standing: 'lantern-local',
  source:
    'Lantern presenting needs, in the words families use; the first need on the referral is taken as the primary reason. Not mapped to the national codes: a data team maps them before any submission.',
  entries: localList(presentingNeeds),
};

export const serviceTeamTypeCodes: CodeList = {
  id: 'service-team-type',
  title: 'SERVICE OR TEAM TYPE REFERRED TO (MENTAL HEALTH) (Lantern local codes)',
  standing: 'lantern-local',
  source: 'Lantern service kinds. Not mapped to the national team type codes.',
  entries: localList({
    mhst: 'Mental health support team in schools',
    camhs: 'Children and young people’s mental health service (CAMHS)',
    'early-help': 'Early help',
    'online-support': 'Online support',
    'school-nursing': 'School nursing',
    'voluntary-sector': 'Voluntary sector service',
    crisis: 'Crisis service',
  }),
};

export const attendStatusCodes: CodeList = {
  id: 'attend-status',
  title: 'ATTENDANCE STATUS',
  standing: 'national',
  source: `${DATA_DICTIONARY}, ATTENDED OR DID NOT ATTEND / ATTENDANCE STATUS`,
  entries: [
    {
      lantern: 'attended',
      code: '5',
      meaning: 'Attended on time, or late before the professional was ready',
    },
    {
      lantern: 'late-seen',
      code: '6',
      meaning: 'Arrived late, after the professional was ready, but was seen',
    },
    {
      lantern: 'cancelled-by-patient',
      code: '2',
      meaning: 'Appointment cancelled by, or on behalf of, the patient',
    },
    { lantern: 'did-not-attend', code: '3', meaning: 'Did not attend: no advance warning given' },
    {
      lantern: 'cancelled-by-service',
      code: '4',
      meaning: 'Appointment cancelled or postponed by the health care provider',
    },
  ],
};

export const consultationMechanismCodes: CodeList = {
  id: 'consultation-mechanism',
  title: 'CONSULTATION MECHANISM (MENTAL HEALTH)',
  standing: 'national',
  source: `${DATA_DICTIONARY}, CONSULTATION MECHANISM (MENTAL HEALTH)`,
  entries: [
    { lantern: 'in-person', code: '01', meaning: 'Face to face' },
    { lantern: 'phone', code: '02', meaning: 'Telephone' },
    {
      lantern: 'video',
      code: '11',
      meaning: 'Video consultation (check code 11 is still current in the TOS)',
    },
    {
      lantern: 'online-chat',
      code: '10',
      meaning: 'Instant messaging (synchronous): an online support chat',
    },
  ],
};

export const onwardDirectionCodes: CodeList = {
  id: 'onward-direction',
  title: 'Onward referral direction (Lantern local codes)',
  standing: 'lantern-local',
  source:
    'Lantern onward referrals. MHSDS has no item for the direction; it helps a data team choose the reason.',
  entries: [
    local('step-up', 'Stepped up to more specialist help'),
    local('step-down', 'Stepped down to lighter support'),
    local('onward', 'Referred on to another service'),
  ],
};

export const groupSessionTypeCodes: CodeList = {
  id: 'group-session-type',
  title: 'Group session type (Lantern local codes)',
  standing: 'lantern-local',
  source: 'Lantern whole-school group session kinds. Not mapped to a national code.',
  entries: localList(groupSessionKindLabels),
};

export const interventionCodes: CodeList = {
  id: 'intervention',
  title: 'Care activity: intervention (Lantern local codes)',
  standing: 'lantern-local',
  source:
    'The intervention chosen for the episode of care. Lantern holds no SNOMED CT procedure codes for its interventions: a data team maps them before any submission.',
  entries: localList(interventions),
};

export const dischargeReasonCodes: CodeList = {
  id: 'discharge-reason',
  title: 'Why the episode closed (Lantern local codes)',
  standing: 'lantern-local',
  source: 'Lantern discharge reasons. Not mapped to the national referral closure reason codes.',
  entries: localList(dischargeReasons),
};

/**
 * Assessment tools. Lantern gives each tool by its own id with the SNOMED-style name of the total
 * score; the SNOMED CT concept ids were not checked for this export, so none is written. A
 * licensed tool an organisation loaded (RCADS, SDQ, YP-CORE, ORS) appears by its id the same way.
 */
export const assessmentToolCodes: CodeList = {
  id: 'assessment-tool',
  title: 'Coded assessment tool (Lantern local codes)',
  standing: 'lantern-local',
  source:
    'Lantern instrument ids. Before any submission, a data team replaces each with the SNOMED CT concept id of the tool’s score from the MHSDS assessment tool list.',
  entries: [
    local('phq-9', 'Patient Health Questionnaire nine item score (PHQ-9)'),
    local('gad-7', 'Generalised anxiety disorder seven item score (GAD-7)'),
    local('gbo', 'Goal Based Outcomes: goal rating (GBO)'),
  ],
};

export const codeLists: readonly CodeList[] = [
  genderIdentityCodes,
  onlineGenderIdentityCodes,
  ethnicCategoryCodes,
  referralSourceCodes,
  clinicalPriorityCodes,
  primaryReasonCodes,
  serviceTeamTypeCodes,
  attendStatusCodes,
  consultationMechanismCodes,
  onwardDirectionCodes,
  groupSessionTypeCodes,
  interventionCodes,
  dischargeReasonCodes,
  assessmentToolCodes,
];

/**
 * The code for a Lantern value. An empty value gives the list's "not recorded" code, or an empty
 * cell. A value the list does not know (a licensed tool, a code added since) is written as a
 * local code, never as something that could pass for a national one.
 */
export function codeFor(list: CodeList, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return list.notRecorded?.code ?? '';
  const entry = list.entries.find((e) => e.lantern === value);
  return entry ? entry.code : `${LOCAL_PREFIX}${value}`;
}
