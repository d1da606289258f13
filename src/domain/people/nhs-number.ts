/**
 * NHS numbers: 10 digits, the last a check digit. Weight the first nine by 10 down to 2, sum,
 * take the remainder mod 11; the check digit is 11 minus that, 11 becomes 0, and 10 means the
 * number cannot be valid. Numbers starting 999 are the synthetic range for tests and demos.
 */
export function nhsNumberCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const sum = [...firstNine].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/** The NHS number as 10 digits if it is valid (spaces and dashes allowed), otherwise null. */
export function normaliseNhsNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  const check = nhsNumberCheckDigit(digits.slice(0, 9));
  return check !== null && check === Number(digits[9]) ? digits : null;
}

/** "943 476 5919": the way NHS numbers are written for people. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

export function isSyntheticNhsNumber(digits: string): boolean {
  return digits.startsWith('999');
}
