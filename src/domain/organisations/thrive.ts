/**
 * THRIVE needs-based groupings, chosen with the young person rather than by diagnosis
 * (implementingthrive.org). No MHSDS field holds them, so Lantern keeps them as its own data.
 */
export const thriveGroupings = [
  'thriving',
  'getting-advice',
  'getting-help',
  'getting-more-help',
  'getting-risk-support',
] as const;

export type ThriveGrouping = (typeof thriveGroupings)[number];

export const thriveLabels: Record<ThriveGrouping, string> = {
  thriving: 'Thriving',
  'getting-advice': 'Getting Advice and Signposting',
  'getting-help': 'Getting Help',
  'getting-more-help': 'Getting More Help',
  'getting-risk-support': 'Getting Risk Support',
};
