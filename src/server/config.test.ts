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

describe('loadConfig for OpenID Connect', () => {
  const provider = {
    OIDC_ISSUER: 'https://idp.example.nhs.uk',
    OIDC_CLIENT_ID: 'lantern',
    OIDC_CLIENT_SECRET: 'hunter2-secret',
  };
  const messageOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('is off when nothing is set, with safe defaults for the rest', () => {
    const config = loadConfig({});
    expect(config.OIDC_ISSUER).toBeUndefined();
    expect(config.OIDC_ROLE_MAP).toBeUndefined();
    expect(config.OIDC_ROLE_CLAIM).toBe('roles');
    expect(config.OIDC_TRUSTS_MFA).toBe('false');
    expect(config.OIDC_SCOPES).toBe('openid email profile');
  });

  it('accepts a whole provider with a role map', () => {
    const config = loadConfig({
      ...provider,
      OIDC_ROLE_CLAIM: 'nhsid_nrbac_roles',
      OIDC_ROLE_MAP: '{"S8000:G8000:R8000": "camhs-clinician", "lantern-admins": "system-administrator"}',
      OIDC_TRUSTS_MFA: 'true',
    });
    expect(config.OIDC_ROLE_MAP).toEqual({
      'S8000:G8000:R8000': 'camhs-clinician',
      'lantern-admins': 'system-administrator',
    });
    expect(config.OIDC_TRUSTS_MFA).toBe('true');
    expect(config.OIDC_ROLE_CLAIM).toBe('nhsid_nrbac_roles');
  });

  it.each([
    [{ OIDC_ISSUER: provider.OIDC_ISSUER }, 'OIDC_CLIENT_ID is required when OIDC_ISSUER is set'],
    [
      { OIDC_ISSUER: provider.OIDC_ISSUER, OIDC_CLIENT_ID: 'lantern' },
      'OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set',
    ],
    [{ OIDC_CLIENT_ID: 'lantern' }, 'OIDC_ISSUER is required when OIDC_CLIENT_ID is set'],
    [{ OIDC_CLIENT_SECRET: 'x' }, 'OIDC_ISSUER is required when OIDC_CLIENT_SECRET is set'],
  ])('needs all of issuer, client id and secret or none (%j)', (env, message) => {
    expect(messageOf(env)).toBe(message);
  });

  it('names the unknown Lantern role in OIDC_ROLE_MAP', () => {
    const message = messageOf({ ...provider, OIDC_ROLE_MAP: '{"R8001": "nurse"}' });
    expect(message).toMatch(
      /^OIDC_ROLE_MAP is not valid: "R8001" maps to "nurse", which is not a Lantern role/,
    );
    expect(message).toContain('camhs-clinician');
    expect(message).not.toContain('\n');
  });

  it.each([
    ['OIDC_ROLE_MAP', '{"R8001": ', /^OIDC_ROLE_MAP is not valid .*expected a JSON object/],
    ['OIDC_ROLE_MAP', '["emhp"]', /^OIDC_ROLE_MAP is not valid .*expected a JSON object/],
    ['OIDC_ISSUER', 'http://idp.example.nhs.uk', /^OIDC_ISSUER is not valid .*https:\/\//],
    ['OIDC_ISSUER', 'not a url', /^OIDC_ISSUER is not valid/],
    [
      'OIDC_TRUSTS_MFA',
      'yes',
      /^OIDC_TRUSTS_MFA is not valid \(got "yes"\): expected one of "true"\|"false"$/,
    ],
    ['OIDC_SCOPES', 'email profile', /^OIDC_SCOPES is not valid .*including openid$/],
  ])('rejects %s=%s with one line naming the variable', (name, value, pattern) => {
    const message = messageOf({ ...provider, [name]: value });
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });

  it('allows a plain-http issuer only on this machine, for tests', () => {
    expect(loadConfig({ ...provider, OIDC_ISSUER: 'http://127.0.0.1:4000' }).OIDC_ISSUER).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('never repeats the client secret', () => {
    const message = messageOf({ OIDC_CLIENT_SECRET: 'hunter2-secret' });
    expect(message).not.toContain('hunter2');
  });
});
