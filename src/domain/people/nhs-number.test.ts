import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNhsNumber,
  isSyntheticNhsNumber,
  nhsNumberCheckDigit,
  normaliseNhsNumber,
} from './nhs-number.js';

describe('normaliseNhsNumber', () => {
  it.each([
    ['943 476 5919', '9434765919'],
    ['9434765919', '9434765919'],
    ['943-476-5919', '9434765919'],
    ['999 000 0018', '9990000018'],
  ])('accepts %s', (input, digits) => expect(normaliseNhsNumber(input)).toBe(digits));

  it.each(['943 476 5918', '123', 'abcdefghij', '94347659190', ''])('refuses %s', (input) =>
    expect(normaliseNhsNumber(input)).toBeNull(),
  );

  it('accepts exactly one check digit for any nine digits that can have one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const check = nhsNumberCheckDigit(nine);
        const valid = [...'0123456789'].filter((d) => normaliseNhsNumber(`${nine}${d}`) !== null);
        expect(valid).toEqual(check === null ? [] : [String(check)]);
      }),
    );
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.nat(8), fc.nat(9), (nine, position, replacement) => {
        const check = nhsNumberCheckDigit(nine);
        fc.pre(check !== null && Number(nine[position]) !== replacement);
        const typo = `${nine.slice(0, position)}${replacement}${nine.slice(position + 1)}${check}`;
        expect(normaliseNhsNumber(typo)).toBeNull();
      }),
    );
  });
});

describe('formatting and the synthetic range', () => {
  it('writes the number in three groups', () => expect(formatNhsNumber('9434765919')).toBe('943 476 5919'));
  it('knows the 999 range is synthetic', () => {
    expect(isSyntheticNhsNumber('9990000018')).toBe(true);
    expect(isSyntheticNhsNumber('9434765919')).toBe(false);
  });
});
