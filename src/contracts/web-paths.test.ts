import { describe, expect, it } from 'vitest';
import { isWebPath, servicePath } from './web-paths.js';

describe('isWebPath', () => {
  it.each([
    '/',
    '/find-support',
    '/find-support/',
    '/find-support/results',
    '/help-now',
    servicePath('lantern-online'),
  ])('%s is a page', (path) => expect(isWebPath(path)).toBe(true));
  it.each([
    '/nope',
    '/find-support/services/',
    '/find-support/services/a/b',
    '/api/health',
    '/find-supportx',
  ])('%s is not a page', (path) => expect(isWebPath(path)).toBe(false));
});
