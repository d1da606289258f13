import type { ReportDimension } from '../../contracts/reporting.js';
import { ethnicCategories, genders } from '../people/child-details.js';

/**
 * The dimensions figures are broken down and filtered by, with the codes the rollup tables store
 * and the labels people read. Pure data: no I/O. In the rollup tables a dimension holds '' when it
 * was not recorded (or does not apply, such as a school for a self-referral) and '*' when the row
 * adds up every value of that dimension.
 */

export const NOT_RECORDED = '';
export const ALL = '*';

/** Column order in the rollup tables. */
export const dimensionColumns: Record<ReportDimension, string> = {
  icb: 'icb',
  'local-authority': 'local_authority',
  team: 'team',
  school: 'school',
  'age-band': 'age_band',
  gender: 'gender',
  ethnicity: 'ethnicity',
  sen: 'sen',
  lgbt: 'lgbt',
};

export const dimensionLabels: Record<ReportDimension, string> = {
  icb: 'Integrated care board',
  'local-authority': 'Local authority',
  team: 'Team',
  school: 'School',
  'age-band': 'Age',
  gender: 'Gender',
  ethnicity: 'Ethnic group',
  sen: 'Special educational needs',
  lgbt: 'LGBT+',
};

/** Age at referral, in the bands used for breakdowns (children's services see up to 25). */
export const ageBands = [
  { code: '0-4', low: 0, high: 4 },
  { code: '5-10', low: 5, high: 10 },
  { code: '11-15', low: 11, high: 15 },
  { code: '16-18', low: 16, high: 18 },
  { code: '19-25', low: 19, high: 25 },
] as const;

export function ageBandCode(age: number): string {
  return ageBands.find((band) => age >= band.low && age <= band.high)?.code ?? NOT_RECORDED;
}

/** The five top-level NHS ethnic groups, from the category letter's first word. */
export const ethnicGroups: Record<string, { label: string; categories: string[] }> = {
  W: { label: 'White', categories: ['A', 'B', 'C'] },
  M: { label: 'Mixed', categories: ['D', 'E', 'F', 'G'] },
  A: { label: 'Asian or Asian British', categories: ['H', 'J', 'K', 'L'] },
  B: { label: 'Black or Black British', categories: ['M', 'N', 'P'] },
  O: { label: 'Other ethnic groups', categories: ['R', 'S'] },
  Z: { label: 'Not stated', categories: ['Z', '99'] },
};

export function ethnicGroupOf(category: string | null): string {
  if (category === null || !(category in ethnicCategories)) return NOT_RECORDED;
  return Object.entries(ethnicGroups).find(([, g]) => g.categories.includes(category))?.[0] ?? NOT_RECORDED;
}

export const senLabels: Record<string, string> = {
  none: 'No special educational needs',
  'sen-support': 'SEN support',
  'ehc-plan': 'Education, health and care plan',
};

export const lgbtLabels: Record<string, string> = {
  yes: 'LGBT+',
  no: 'Not LGBT+',
  'prefer-not-to-say': 'Preferred not to say',
};

/** Online support records gender in young people's own words; these map it onto the children's codes. */
export const onlineGenderCodes: Record<string, string> = {
  girl: 'female',
  boy: 'male',
  'non-binary': 'non-binary',
  'self-described': 'self-described',
  'prefer-not-to-say': 'prefer-not-to-say',
};

/** Labels for codes that need no lookup; organisations, teams and schools are named from their tables. */
export function fixedLabels(dimension: ReportDimension): Record<string, string> | null {
  switch (dimension) {
    case 'age-band':
      return Object.fromEntries(ageBands.map((b) => [b.code, `${b.low} to ${b.high}`]));
    case 'gender':
      return { ...genders };
    case 'ethnicity':
      return Object.fromEntries(Object.entries(ethnicGroups).map(([code, g]) => [code, g.label]));
    case 'sen':
      return senLabels;
    case 'lgbt':
      return lgbtLabels;
    default:
      return null;
  }
}

export function labelOf(dimension: ReportDimension, key: string, named: Record<string, string>): string {
  if (key === NOT_RECORDED) return 'Not recorded';
  return fixedLabels(dimension)?.[key] ?? named[key] ?? key;
}

/**
 * The combinations of dimensions the rollups keep: no dimension, each one alone, and each pair.
 * A report may fix or break down by at most two dimensions at once; a cuboid is named by its
 * dimensions in `reportDimensions` order joined with '+', '' for none.
 */
export function cuboidOf(dimensions: readonly ReportDimension[], order: readonly ReportDimension[]): string {
  return [...new Set(dimensions)].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('+');
}

export const MAX_DIMENSIONS = 2;

/**
 * Which pairs of dimensions the rollups keep. Every pair by default; at very large scale a pair
 * can be left out here (the rollups then shrink, and a report asking for it gets a problem).
 */
export function isPairKept(_a: ReportDimension, _b: ReportDimension): boolean {
  return true;
}

/** Every cuboid the rollups keep: the whole, each dimension alone, and each kept pair. */
export function keptCuboids(order: readonly ReportDimension[]): ReportDimension[][] {
  const pairs: ReportDimension[][] = [];
  order.forEach((a, i) => {
    for (const b of order.slice(i + 1)) if (isPairKept(a, b)) pairs.push([a, b]);
  });
  return [[], ...order.map((d) => [d]), ...pairs];
}

export function isCuboidKept(dimensions: readonly ReportDimension[]): boolean {
  const distinct = [...new Set(dimensions)];
  if (distinct.length > MAX_DIMENSIONS) return false;
  return distinct.length < 2 || isPairKept(distinct[0] as ReportDimension, distinct[1] as ReportDimension);
}
