import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses safe defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('builds the demo area by default only outside production', () => {
    expect(loadConfig({}).LANTERN_DEMO).toBe('auto');
    expect(loadConfig({ NODE_ENV: 'production' }).LANTERN_DEMO).toBe('off');
    expect(loadConfig({ NODE_ENV: 'production', LANTERN_DEMO: 'auto' }).LANTERN_DEMO).toBe('auto');
  });

  it('never repeats a database URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://lantern:hunter2@db/x' })).toThrow(
      /^DATABASE_URL is not valid: expected a postgres:\/\/ or postgresql:\/\/ URL$/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'seventy', /^PORT is not valid \(got "seventy"\): expected a whole number from 0 to 65535$/],
    ['PORT', '70000', /^PORT is not valid/],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL is not valid: expected a postgres:\/\//],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL is not valid .*one of fatal, error/],
    ['REDIS_URL', 'http://x', /^REDIS_URL is not valid: expected a redis:\/\//],
    ['PUBLIC_URL', 'not a url', /^PUBLIC_URL is not valid/],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
