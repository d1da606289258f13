import { describe, expect, it } from 'vitest';
import { type StepId, stepIds } from './steps.js';
import { formName, referPath, staffReferPath, stepTitle } from './wording.js';

describe('wording', () => {
  it('never says "referral" or "mental health" in a page title on a young person\'s own form', () => {
    const titles = [formName('self'), ...stepIds.map((step: StepId) => stepTitle(step, 'self'))];
    for (const title of titles) expect(title).not.toMatch(/referral|mental health/i);
  });

  it('builds page addresses, marking a change from check answers', () => {
    expect(referPath('self', 'gender')).toBe('/refer/self/gender');
    expect(referPath('parent', 'school', true)).toBe('/refer/parent/school?change=yes');
    expect(staffReferPath('0c6d', 'carers')).toBe('/staff/refer/0c6d/carers');
  });
});
