import { describe, expect, it } from 'vitest';
import { formatPostcode, postcodeDistrict } from './postcode.js';

describe('postcodeDistrict', () => {
  it.each([
    ['NV3 2AB', 'NV3'],
    ['nv32ab', 'NV3'],
    ['  SV12   4xy ', 'SV12'],
    ['EC1A 1BB', 'EC1A'],
    ['NV3', 'NV3'],
    ['sv12', 'SV12'],
  ])('%s is in district %s', (input, district) => expect(postcodeDistrict(input)).toBe(district));

  it.each(['', 'hello', '123', 'NV3 2A', 'N 2AB'])('%s is not a postcode', (input) =>
    expect(postcodeDistrict(input)).toBeNull(),
  );
});

describe('formatPostcode', () => {
  it('writes a full postcode with one space', () => expect(formatPostcode('nv32ab')).toBe('NV3 2AB'));
  it('refuses a district alone', () => expect(formatPostcode('NV3')).toBeNull());
});
