import type { Permission } from '../../access/permissions.js';

// The self-help routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes. Articles hold no
// child's data and staff have no route to a young person's journal, moods or goals, so none writes one.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/online/articles': 'public',
  'GET /api/online/articles/:slug': 'public',
  'GET /api/online/articles/drafts': 'online:write-content',
  'POST /api/online/articles/drafts': 'online:write-content',
  'GET /api/online/articles/drafts/:articleId': 'online:write-content',
  'PUT /api/online/articles/drafts/:articleId': 'online:write-content',
  'POST /api/online/articles/drafts/:articleId/submission': 'online:write-content',
  'POST /api/online/articles/drafts/:articleId/review': 'online:review-content',
  'POST /api/online/articles/drafts/:articleId/withdrawal': 'online:review-content',
  'GET /api/online/journal': 'online:use',
  'POST /api/online/journal': 'online:use',
  'POST /api/online/journal/:entryId/hide': 'online:use',
  'GET /api/online/moods': 'online:use',
  'POST /api/online/moods': 'online:use',
  'GET /api/online/goals': 'online:use',
  'POST /api/online/goals': 'online:use',
  'POST /api/online/goals/:goalId/ratings': 'online:use',
  'PUT /api/online/goals/:goalId': 'online:use',
};

const article = {
  title: 'Sleep and screens',
  summary: 'Why phones keep us awake, and what helps.',
  topic: 'sleep',
  body: 'Screens late at night can keep your brain busy.\n\nTry putting your phone away an hour before bed.',
};

export const bodies: Record<string, object> = {
  'POST /api/online/articles/drafts': article,
  'PUT /api/online/articles/drafts/:articleId': article,
  'POST /api/online/articles/drafts/:articleId/submission': {},
  'POST /api/online/articles/drafts/:articleId/review': { decision: 'publish' },
  'POST /api/online/articles/drafts/:articleId/withdrawal': { reason: 'Out of date' },
  'POST /api/online/journal': { body: 'Today was OK.' },
  'POST /api/online/moods': { mood: 3 },
  'POST /api/online/goals': { goal: 'Go to bed by ten' },
  'POST /api/online/goals/:goalId/ratings': { rating: 5 },
  'PUT /api/online/goals/:goalId': { closedAs: 'achieved' },
};

export const rowsWhenAllowed: Record<string, number> = {};
