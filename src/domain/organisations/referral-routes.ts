/** Who may ask a service for help on a child's behalf, or for themselves. */
export const referralRoutes = {
  self: 'Young people themselves',
  parent: 'Parents and carers',
  school: 'Schools and colleges',
  gp: 'GPs',
  professional: 'Other professionals, such as social workers or health visitors',
} as const;

export type ReferralRoute = keyof typeof referralRoutes;

export const referralRouteCodes = Object.keys(referralRoutes) as [ReferralRoute, ...ReferralRoute[]];
