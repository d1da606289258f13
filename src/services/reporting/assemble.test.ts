import { describe, expect, it } from 'vitest';
import { kpiDefinitions } from '../../domain/reporting/kpi-definitions.js';
import { planOf, requestsOf } from './assemble.js';

const now = new Date('2026-11-23T12:00:00Z');
const female = kpiDefinitions.find((k) => k.compute.kind === 'rate' && k.compute.numeratorKey);

describe('the slices a report asks for', () => {
  it('asks for a keyed numerator once, with only the numerators’ measures', () => {
    if (female?.compute.kind !== 'rate') throw new Error('a keyed KPI is expected');
    const twin = { ...female, id: 'twin', compute: { ...female.compute, numerator: 'online-chats' } };
    const plan = planOf({ period: 'quarter', view: 'published', by: 'age-band' }, now);
    plan.kpis = [female, twin, female];
    const requests = requestsOf(plan);
    expect(requests.map((r) => [r.fixed, r.by, r.measures])).toEqual([
      [[], null, undefined],
      [[], 'age-band', undefined],
      [[['gender', 'female']], null, ['online-young-people', 'online-chats']],
      [[['gender', 'female']], 'age-band', ['online-young-people', 'online-chats']],
    ]);
  });

  it('keeps the keyed whole but leaves out a keyed breakdown that would need three dimensions', () => {
    const plan = planOf({ period: 'month', view: 'published', school: 100001, by: 'age-band' }, now);
    const requests = requestsOf(plan);
    expect(requests.map((r) => r.by)).toEqual([null, 'age-band', null]);
    expect(requests[2]?.fixed).toEqual([
      ['school', '100001'],
      ['gender', 'female'],
    ]);
  });
});
