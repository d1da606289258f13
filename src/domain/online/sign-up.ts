// Rules for a young person's anonymous online support account. Usernames are chosen by young
// people, so the rules refuse anything that would name or reach them (an email address, a phone
// number), and the messages are written for a 12-year-old.

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 20;
export const PASSWORD_MIN = 10;

/** Email providers a username built from an email address would give away. */
const emailWords = ['gmail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'btinternet', 'live.co', 'aol'];

/** Why a username cannot be used, in plain words, or null when it can. */
export function usernameProblem(username: string): string | null {
  if (username.includes('@')) return 'must not be an email address. Make up a name instead';
  if (username.length < USERNAME_MIN || username.length > USERNAME_MAX) {
    return `must be between ${USERNAME_MIN} and ${USERNAME_MAX} characters long`;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(username)) {
    return 'can only use letters, numbers, dashes (-) and underscores (_)';
  }
  // 8 or more digits could be a phone number (a UK mobile has 11).
  if ((username.match(/\d/g) ?? []).length >= 8) return 'must not be a phone number. Make up a name instead';
  const lower = username.toLowerCase();
  if (emailWords.some((word) => lower.includes(word))) {
    return 'must not look like an email address. Make up a name instead';
  }
  return null;
}

/** The form a username is compared in: "Sky" and "sky" are the same name. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters long`;
  if (usernameKey(password) === usernameKey(username)) return 'must not be the same as your username';
  return null;
}

export interface AgeRange {
  minAge: number;
  maxAge: number;
}

/** Whether an age (in whole years) is one the service is for. */
export function isAgeInRange(age: number, range: AgeRange): boolean {
  return age >= range.minAge && age <= range.maxAge;
}

/**
 * Age now, from the age given at sign-up: add the whole years since. No date of birth is kept, so
 * this can be up to a year behind; it is used only to say whether the service still fits.
 */
export function ageNow(ageAtSignUp: number, signedUpAt: Date, now: Date): number {
  const years =
    now.getUTCFullYear() -
    signedUpAt.getUTCFullYear() -
    (now.getUTCMonth() * 100 + now.getUTCDate() < signedUpAt.getUTCMonth() * 100 + signedUpAt.getUTCDate()
      ? 1
      : 0);
  return ageAtSignUp + Math.max(0, years);
}

/** The kind words for someone outside the age range: it is not their fault, and there is help. */
export function ageOutOfRangeMessage(age: number, range: AgeRange): string {
  return age < range.minAge
    ? `Lantern Online is for young people aged ${range.minAge} to ${range.maxAge}. You can still get help: we will show you who to talk to.`
    : `Lantern Online is for young people aged ${range.minAge} to ${range.maxAge}. There is help for you too: we will show you where.`;
}
