/**
 * UK postcodes: the outward code (district, such as "NV3") and the inward code ("2AB").
 * People may type either the whole postcode or just the district; spacing and case do not matter.
 */
const fullPostcode = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;
const districtOnly = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** The postcode district of a full postcode or a district on its own, or null if it is neither. */
export function postcodeDistrict(input: string): string | null {
  const value = input.trim().toUpperCase().replace(/\s+/g, ' ');
  const full = fullPostcode.exec(value);
  if (full) return full[1] ?? null;
  return districtOnly.test(value) ? value : null;
}

/** A full postcode in its usual written form ("NV3 2AB"), or null. */
export function formatPostcode(input: string): string | null {
  const full = fullPostcode.exec(input.trim().toUpperCase());
  return full ? `${full[1]} ${full[2]}` : null;
}
