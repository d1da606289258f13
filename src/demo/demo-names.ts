import type { Faker } from '@faker-js/faker';

// Word lists for fictional place and school names. Postcode areas ending in V are not used by
// Royal Mail (apart from WV, left out), so demo postcodes cannot be mistaken for real places.

const placeStarts = [
  'Ash',
  'Birch',
  'Brook',
  'Castle',
  'Elm',
  'Fern',
  'Hazel',
  'Holly',
  'Kings',
  'Lark',
  'Mill',
  'Oak',
  'Park',
  'Queens',
  'Rose',
  'Stone',
  'Willow',
  'Wood',
  'Meadow',
  'Moor',
  'Heath',
  'Church',
  'Bridge',
  'Green',
  'Hill',
  'Lake',
  'Marsh',
  'River',
  'Spring',
  'Thorn',
  'Harbour',
  'Beacon',
  'Cedar',
  'Maple',
];
const placeEnds = [
  'field',
  'bank',
  'wood',
  'side',
  'gate',
  'ley',
  'ford',
  'brook',
  'view',
  'croft',
  'hurst',
  'mead',
];

export const localAuthorityNames = [
  'Northvale',
  'Southvale',
  'Eastvale',
  'Westvale',
  'Uppervale',
  'Lowervale',
];

// Royal Mail uses no postcode area with V as its second letter apart from WV (left out), so every
// district here is fictional. Each council gets nine districts; later rounds number them on.
const postcodeAreas = ['NV', 'SV', 'EV', 'UV', 'LV', 'AV', 'BV', 'DV', 'FV', 'GV', 'HV', 'KV'];
/** Districts run to 99 (the format allows two digits), which caps the demo at this many councils. */
export const MAX_COUNCILS = postcodeAreas.length * 11;

export function localAuthorityName(index: number): string {
  const base = localAuthorityNames[index % localAuthorityNames.length] ?? 'Vale';
  const round = Math.floor(index / localAuthorityNames.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

/** A fictional local authority code, never one of GIAS's three-digit codes. */
export function localAuthorityCode(index: number): string {
  return `F${String(index + 1).padStart(3, '0')}`;
}

/** The nine postcode districts of the council with this index, such as NV1 to NV9. */
export function postcodeDistrictsFor(index: number): string[] {
  if (index >= MAX_COUNCILS) throw new Error(`the demo area has room for ${MAX_COUNCILS} councils`);
  const area = postcodeAreas[index % postcodeAreas.length] ?? 'NV';
  const first = Math.floor(index / postcodeAreas.length) * 9 + 1;
  return Array.from({ length: 9 }, (_, d) => `${area}${first + d}`);
}

/** A place name not used before, such as "Brookfield". */
export function uniquePlaceName(faker: Faker, used: Set<string>): string {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const name = `${faker.helpers.arrayElement(placeStarts)}${faker.helpers.arrayElement(placeEnds)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const fallback = `${faker.helpers.arrayElement(placeStarts)}${faker.helpers.arrayElement(placeEnds)} ${used.size}`;
  used.add(fallback);
  return fallback;
}

/** A postcode inside a district: "NV3 2AB". */
export function postcodeIn(faker: Faker, district: string): string {
  const inward = `${faker.number.int({ min: 1, max: 9 })}${faker.string.alpha({ length: 2, casing: 'upper', exclude: ['C', 'I', 'K', 'M', 'O', 'V'] })}`;
  return `${district} ${inward}`;
}
