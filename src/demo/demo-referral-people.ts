import type { Faker } from '@faker-js/faker';
import type { carers, children, childSchools } from '../db/schema/people.js';
import type { referralConsents } from '../db/schema/referrals.js';
import { ageOn, type EthnicCategory, type Gender } from '../domain/people/child-details.js';
import { nhsNumberCheckDigit } from '../domain/people/nhs-number.js';
import { postcodeIn, uniquePlaceName } from './demo-names.js';
import { chance, DAY, isoDay, type PlanSchool, type ReferralPlan, weighted } from './demo-referral-plan.js';
import {
  carerRelationships,
  type FamilyBackground,
  familyNames,
  genderSelfDescriptions,
  type Weighted,
} from './demo-referral-text.js';

// The children and young people of the demo referrals, their parents and carers, and consent.

export type ChildRow = typeof children.$inferInsert & { id: string; dateOfBirth: string };
export type ChildSchoolRow = typeof childSchools.$inferInsert;
export type CarerRow = typeof carers.$inferInsert;
export type ConsentRow = typeof referralConsents.$inferInsert;

/** Ages referred, 4 to 18: most referrals are of teenagers. */
export const ageWeights: Weighted<number> = [
  [4, 2],
  [5, 3],
  [6, 4],
  [7, 5],
  [8, 6],
  [9, 7],
  [10, 8],
  [11, 9],
  [12, 10],
  [13, 12],
  [14, 14],
  [15, 15],
  [16, 13],
  [17, 10],
  [18, 4],
];

// Roughly England's pupil population by NHS ethnic category (also the scale generator's).
export const ethnicWeights: Weighted<EthnicCategory> = [
  ['A', 64],
  ['B', 0.3],
  ['C', 6],
  ['D', 1.5],
  ['E', 1],
  ['F', 2],
  ['G', 2],
  ['H', 3.5],
  ['J', 4.5],
  ['K', 1.5],
  ['L', 2],
  ['M', 1],
  ['N', 4],
  ['P', 0.7],
  ['R', 0.5],
  ['S', 2],
  ['Z', 2],
  ['99', 2],
];

/** Younger children referred are more often boys; teenagers more often girls. */
const genderWeights = (age: number): Weighted<Gender> =>
  age < 11
    ? [
        ['male', 58],
        ['female', 40],
        ['prefer-not-to-say', 2],
      ]
    : [
        ['female', 60],
        ['male', 34],
        ['non-binary', 3],
        ['self-described', 1.5],
        ['prefer-not-to-say', 1.5],
      ];

const nameLists = new Map<string, string[]>();
const nameFrom = (faker: Faker, background: FamilyBackground, list: 'female' | 'male' | 'family') => {
  const key = `${background} ${list}`;
  let names = nameLists.get(key);
  if (!names) {
    names = familyNames[background][list].split(' ');
    nameLists.set(key, names);
  }
  return faker.helpers.arrayElement(names);
};

/** A family background that fits the ethnic category, for names: a mixed category may have either. */
function backgroundFor(faker: Faker, ethnicity: EthnicCategory): FamilyBackground {
  if ('HJKL'.includes(ethnicity)) return 'south-asian';
  if (ethnicity === 'N') return 'african';
  if (ethnicity === 'R') return 'chinese';
  if (ethnicity === 'C') return chance(faker, 0.6) ? 'east-european' : 'british';
  if (ethnicity === 'E') return chance(faker, 0.5) ? 'african' : 'british';
  if (ethnicity === 'F') return chance(faker, 0.4) ? 'south-asian' : 'british';
  if (ethnicity === 'S' || ethnicity === 'Z' || ethnicity === '99') {
    return weighted(faker, [
      ['british', 70],
      ['south-asian', 12],
      ['african', 8],
      ['east-european', 6],
      ['chinese', 4],
    ] as const);
  }
  return 'british';
}

/** A grown-up's name, for parents, lead workers and the owners of MDT actions. */
export function adultName(faker: Faker, family?: string): string {
  const list = familyNames.british;
  const first = faker.helpers.arrayElement(
    (chance(faker, 0.5) ? list.adultFemale : list.adultMale).split(' '),
  );
  const background = weighted(faker, [
    ['british', 80],
    ['south-asian', 10],
    ['african', 5],
    ['east-european', 5],
  ] as const);
  return `${first} ${family ?? nameFrom(faker, background, 'family')}`;
}

/** Whether a school teaches a child of this age: its lowest age up to the year before its highest. */
export function schoolFits(school: PlanSchool, age: number): boolean {
  return age >= school.lowestAge && age < school.highestAge;
}

/** A synthetic NHS number: 999 then six digits, with a valid modulus 11 check digit, never repeated. */
export function syntheticNhsNumber(faker: Faker, used: Set<string>): string {
  for (;;) {
    const firstNine = `999${faker.number.int({ min: 100_000, max: 999_999 })}`;
    const check = nhsNumberCheckDigit(firstNine);
    const number = `${firstNine}${check}`;
    if (check !== null && !used.has(number)) {
      used.add(number);
      return number;
    }
  }
}

/** A date of birth that makes the child exactly `age` on the day `atMs` falls on. */
export function dateOfBirthFor(faker: Faker, age: number, atMs: number): string {
  const on = isoDay(atMs);
  const latest = new Date(atMs);
  latest.setUTCFullYear(latest.getUTCFullYear() - age);
  let born = latest.getTime() - faker.number.int({ min: 0, max: 364 }) * DAY;
  while (ageOn(isoDay(born), on) < age) born -= DAY;
  return isoDay(born);
}

/** Numbers from Ofcom's ranges kept for drama, so no real phone rings. */
const mobile = (faker: Faker) => `07700 900${faker.string.numeric(3)}`;
const emailFor = (faker: Faker, name: string) =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${faker.number.int({ min: 1, max: 99 })}@example.com`;

/** The second parent or carer named, by the first one's relationship, with parental responsibility. */
const partnerOf: Record<string, [string, boolean]> = {
  mother: ['father', true],
  father: ['mother', true],
  stepfather: ['mother', true],
  grandmother: ['grandfather', false],
  'foster carer': ['foster carer', false],
  'special guardian': ['special guardian', true],
  aunt: ['uncle', false],
};

/** 1 September of the school year a date falls in: when the child started at their school, at the latest. */
const academicYearStart = (at: Date) =>
  `${at.getUTCMonth() >= 8 ? at.getUTCFullYear() : at.getUTCFullYear() - 1}-09-01`;

export interface NewDemoChild {
  child: ChildRow;
  childSchool: ChildSchoolRow;
  carers: CarerRow[];
}

/** GP practices of each council, named after its places. */
export function gpPractices(faker: Faker, plan: ReferralPlan): string[][] {
  const used = new Set<string>();
  const kinds = ['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice'];
  return plan.councils.map(() =>
    Array.from({ length: 6 }, () => `${uniquePlaceName(faker, used)} ${faker.helpers.arrayElement(kinds)}`),
  );
}

export function newDemoChild(
  faker: Faker,
  plan: ReferralPlan,
  input: {
    age: number;
    school: PlanSchool;
    atMs: number;
    isSelf: boolean;
    practices: string[];
    nhsNumbers: Set<string>;
  },
): NewDemoChild {
  const id = faker.string.uuid();
  const createdAt = new Date(input.atMs);
  const gender = weighted(faker, genderWeights(input.age));
  const sex = gender === 'female' || (gender !== 'male' && chance(faker, 0.5)) ? 'female' : 'male';
  const ethnicity = weighted(faker, ethnicWeights);
  const background = backgroundFor(faker, ethnicity);
  const givenName = nameFrom(faker, background, sex);
  const familyName = nameFrom(faker, background, 'family');
  const council = plan.councils[input.school.council];
  const postcode = postcodeIn(faker, faker.helpers.arrayElement(council?.districts ?? ['NV1']));
  const carerCount = input.isSelf && input.age >= 16 && chance(faker, 0.3) ? 0 : chance(faker, 0.45) ? 2 : 1;
  const carerRows: CarerRow[] = [];
  for (let n = 0; n < carerCount; n += 1) {
    const firstRelationship = carerRows[0]?.relationship;
    const [relationship, hasParentalResponsibility] =
      firstRelationship === undefined
        ? weighted(faker, carerRelationships)
        : (partnerOf[firstRelationship] ?? ['father', true]);
    const female = /mother|aunt/.test(relationship) || (relationship.includes('carer') && chance(faker, 0.7));
    const firstName =
      background === 'british'
        ? faker.helpers.arrayElement(
            (female ? familyNames.british.adultFemale : familyNames.british.adultMale).split(' '),
          )
        : nameFrom(faker, background, female ? 'female' : 'male');
    const name = `${firstName} ${chance(faker, 0.8) ? familyName : nameFrom(faker, background, 'family')}`;
    const doNotShare = n > 0 && chance(faker, 0.06);
    carerRows.push({
      childId: id,
      name,
      relationship,
      hasParentalResponsibility,
      phone: mobile(faker),
      email: chance(faker, 0.7) ? emailFor(faker, name) : null,
      doNotShare,
      doNotShareReason: doNotShare
        ? 'The young person asked that they are not told; agreed at triage.'
        : null,
      createdAt,
    });
  }
  const familyContact = carerRows[0];
  const ownPhone = input.isSelf || !familyContact ? mobile(faker) : familyContact.phone;
  const routes: string[] = input.isSelf
    ? chance(faker, 0.7)
      ? ['text']
      : ['text', 'email']
    : [...faker.helpers.arrayElement([['phone'], ['phone', 'email'], ['email'], ['phone', 'letter']])];
  return {
    child: {
      id,
      givenName,
      familyName,
      dateOfBirth: dateOfBirthFor(faker, input.age, input.atMs),
      nhsNumber: chance(faker, 0.7) ? syntheticNhsNumber(faker, input.nhsNumbers) : null,
      postcode,
      gender,
      genderSelfDescription:
        gender === 'self-described' ? faker.helpers.arrayElement(genderSelfDescriptions) : null,
      ethnicity,
      gpPractice: chance(faker, 0.85) ? faker.helpers.arrayElement(input.practices) : null,
      contactRoutes: routes,
      contactPhone: routes.some((r) => r === 'phone' || r === 'text') ? (ownPhone ?? mobile(faker)) : null,
      contactEmail: routes.includes('email')
        ? (input.isSelf ? null : familyContact?.email) || emailFor(faker, `${givenName} ${familyName}`)
        : null,
      canLeaveMessage: !input.isSelf && chance(faker, 0.6),
      isFictional: true,
      createdAt,
    },
    childSchool: { childId: id, schoolUrn: input.school.urn, fromDate: academicYearStart(createdAt) },
    carers: carerRows,
  };
}
