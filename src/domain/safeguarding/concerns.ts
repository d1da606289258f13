// Safeguarding concerns (ADR 0017): raised by a practitioner from any contact, then worked by the
// organisation's safeguarding lead. A concern only moves forward; every move is an action row.

/** What the concern is about, with the words staff see. */
export const concernCategories = {
  neglect: 'Neglect',
  physical: 'Physical abuse',
  sexual: 'Sexual abuse',
  emotional: 'Emotional abuse',
  exploitation: 'Exploitation (criminal or sexual)',
  'self-harm': 'Self-harm or suicide risk',
  'domestic-abuse': 'Domestic abuse',
  other: 'Other',
} as const;
export type ConcernCategory = keyof typeof concernCategories;
export const concernCategoryCodes = Object.keys(concernCategories) as [ConcernCategory, ...ConcernCategory[]];

export const concernStatuses = {
  raised: 'Raised',
  acknowledged: 'Acknowledged by the safeguarding lead',
  'referred-to-social-care': 'Referred to children’s social care',
  closed: 'Closed',
} as const;
export type ConcernStatus = keyof typeof concernStatuses;
export const concernStatusCodes = Object.keys(concernStatuses) as [ConcernStatus, ...ConcernStatus[]];

/**
 * The allowed moves. The lead's first action acknowledges the concern; after that a further action
 * may keep the status. Nothing leaves `closed`, and nothing goes back.
 */
export const concernTransitions: Record<ConcernStatus, readonly ConcernStatus[]> = {
  raised: ['acknowledged'],
  acknowledged: ['acknowledged', 'referred-to-social-care', 'closed'],
  'referred-to-social-care': ['referred-to-social-care', 'closed'],
  closed: [],
};

export function isOpen(status: ConcernStatus): boolean {
  return status !== 'closed';
}

export function canMove(from: ConcernStatus, to: ConcernStatus): boolean {
  return concernTransitions[from].includes(to);
}

export type ActionProblem =
  | { kind: 'closed' }
  | { kind: 'invalid'; field: 'statusAfter' | 'outcome'; reason: string };

/** Why this action cannot be recorded, or null. Closing needs the outcome in words. */
export function actionProblem(
  from: ConcernStatus,
  action: { statusAfter: ConcernStatus; outcome?: string | null },
): ActionProblem | null {
  if (from === 'closed') return { kind: 'closed' };
  if (!canMove(from, action.statusAfter)) {
    const allowed = concernTransitions[from].map((s) => concernStatuses[s].toLowerCase()).join(' or ');
    return {
      kind: 'invalid',
      field: 'statusAfter',
      reason: `a concern that is ${concernStatuses[from].toLowerCase()} can only become ${allowed}`,
    };
  }
  if (action.statusAfter === 'closed' && (action.outcome ?? '').trim().length < 3) {
    return { kind: 'invalid', field: 'outcome', reason: 'say what the outcome was before closing' };
  }
  return null;
}

/** The lead's board order: open concerns first, then newest first. */
export function boardOrder<T extends { status: ConcernStatus; raisedAt: Date }>(concerns: readonly T[]): T[] {
  return [...concerns].sort((a, b) => {
    const open = Number(isOpen(b.status)) - Number(isOpen(a.status));
    if (open !== 0) return open;
    return b.raisedAt.getTime() - a.raisedAt.getTime();
  });
}
