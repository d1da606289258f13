import { describe, expect, it } from 'vitest';
import { checkSearch, emptySearch, searchParams } from './search-form.js';

describe('checkSearch', () => {
  it('accepts an empty form as a search with no filters', () => {
    expect(checkSearch(emptySearch)).toEqual({ query: {} });
  });

  it('turns answers into a query, ignoring "not sure"', () => {
    expect(checkSearch({ age: ' 14 ', school: '990003', postcode: 'nv3 2ab', need: 'not-sure' })).toEqual({
      query: { age: 14, school: 990003, postcode: 'nv3 2ab' },
    });
  });

  it('names each field that is wrong, once, in words', () => {
    const result = checkSearch({ age: 'fourteen', school: '', postcode: 'nowhere', need: 'anxiety' });
    expect(result).toEqual({
      errors: [
        { field: 'age', message: 'Age must be a whole number of years' },
        { field: 'postcode', message: 'Postcode must be a postcode such as NV3 2AB, or its first part' },
      ],
    });
  });
});

describe('searchParams', () => {
  it('leaves out what was not given', () => {
    expect(searchParams({ age: 9, need: 'anxiety' })).toBe('age=9&need=anxiety');
  });
});
