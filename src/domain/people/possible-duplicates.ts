/**
 * Possible duplicates found on intake: the same child may already be known under another referral.
 * A match on NHS number is certain enough to show first; otherwise a close name with the same date
 * of birth, strengthened by the same school. A triage clinician decides; Lantern only suggests.
 */
export interface ChildIdentity {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  schoolUrns: readonly number[];
}

export interface DuplicateReason {
  kind: 'nhs-number' | 'name-and-birth-date' | 'school';
  text: string;
}

/** Lower case letters only, so "O'Brien-Smith" and "obrien smith" compare equal. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Edit distance with a cap: names further apart than `limit` edits are simply "far". */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Close enough to be the same name typed differently: one edit for short names, two for longer. */
export function isCloseName(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  if (x === '' || y === '') return false;
  if (x === y || x.startsWith(y) || y.startsWith(x)) return true;
  return editDistance(x, y, 2) <= (Math.min(x.length, y.length) <= 4 ? 1 : 2);
}

/** Why `existing` might be the same child as `incoming`, or an empty list when it is not likely. */
export function duplicateReasons(incoming: ChildIdentity, existing: ChildIdentity): DuplicateReason[] {
  if (incoming.id === existing.id) return [];
  const reasons: DuplicateReason[] = [];
  if (incoming.nhsNumber && incoming.nhsNumber === existing.nhsNumber) {
    reasons.push({ kind: 'nhs-number', text: 'Same NHS number' });
  }
  const sameBirth = incoming.dateOfBirth === existing.dateOfBirth;
  const closeNames =
    isCloseName(incoming.familyName, existing.familyName) &&
    isCloseName(incoming.givenName, existing.givenName);
  if (sameBirth && closeNames) {
    reasons.push({ kind: 'name-and-birth-date', text: 'Similar name and the same date of birth' });
    if (incoming.schoolUrns.some((urn) => existing.schoolUrns.includes(urn))) {
      reasons.push({ kind: 'school', text: 'Same school' });
    }
  }
  return reasons;
}
