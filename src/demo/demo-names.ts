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
const postcodeAreas = ['NV', 'SV', 'EV', 'UV', 'LV', 'AV', 'BV', 'DV', 'FV', 'GV', 'HV', 'KV'];

export function localAuthorityName(index: number): string {
  const base = localAuthorityNames[index % localAuthorityNames.length] ?? 'Vale';
  const round = Math.floor(index / localAuthorityNames.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function postcodeArea(index: number): string {
  const base = postcodeAreas[index % postcodeAreas.length] ?? 'NV';
  const round = Math.floor(index / postcodeAreas.length);
  return round === 0 ? base : `${base[0]}${String.fromCharCode(65 + ((round * 7) % 26))}`;
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
