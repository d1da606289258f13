import { z } from 'zod';
import { staffRoles } from '../access/roles.js';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'a postgres:// or postgresql:// URL');

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An OpenID provider must be reached over https; plain http only on this machine, for tests. */
const issuerUrl = z
  .string()
  .url()
  .refine((value) => {
    const url = URL.parse(value);
    if (!url) return true; // .url() has already said so
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  }, 'an https:// URL');

/** `{"claim value": "lantern-role"}`: which Lantern role each value of the role claim gives. */
const roleMap = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.enum(staffRoles)));

/** Every setting Lantern reads from the environment, checked once at start-up. */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: postgresUrl.optional(),
    LANTERN_DATA_DIR: z.string().min(1).default('./data'),
    REDIS_URL: z
      .string()
      .url()
      .refine((value) => /^rediss?:\/\//.test(value), 'a redis:// or rediss:// URL')
      .optional(),
    LOG_LEVEL: LogLevel.default('info'),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Defaults to `auto` outside production and `off` in production. */
    LANTERN_DEMO: z.enum(['auto', 'off']).optional(),
    /** Believe X-Forwarded-For only when Lantern runs behind a proxy the operator controls. */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /** OpenID Connect sign-in for staff (NHS CIS2 or an organisation's own provider); off when unset. */
    OIDC_ISSUER: issuerUrl.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** What the sign-in page calls the provider, such as "NHS CIS2". */
    OIDC_PROVIDER_NAME: z.string().min(1).max(60).optional(),
    /** NHS CIS2 gives roles only for its own scopes, such as `nationalrbacaccess`. */
    OIDC_SCOPES: z
      .string()
      .default('openid email profile')
      .refine((value) => value.split(/\s+/).includes('openid'), 'a space-separated list including openid'),
    OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
    /** When set, the provider decides a person's roles at every sign-in; when unset, Lantern does. */
    OIDC_ROLE_MAP: roleMap.optional(),
    /** Whether signing in through the provider counts as the second factor. */
    OIDC_TRUSTS_MFA: z.enum(['true', 'false']).default('false'),
    /** Public requests for help accepted from one address per hour: enough for a family or a school network, not for a flood. */
    PUBLIC_REFERRALS_PER_HOUR: z.coerce.number().int().min(1).default(30),
    /** GOV.UK Notify: with a key, the outbox sends email and text messages; without, they wait in the outbox. */
    NOTIFY_API_KEY: z.string().min(74, 'a GOV.UK Notify API key').optional(),
    /** Notify templates with ((subject)) and ((body)) placeholders, one per channel. */
    NOTIFY_EMAIL_TEMPLATE_ID: z.string().uuid().optional(),
    NOTIFY_SMS_TEMPLATE_ID: z.string().uuid().optional(),
    /** Only for tests against a local stand-in; Notify's own address is the default. */
    NOTIFY_BASE_URL: z.string().url().optional(),
    /** Chromium, which prints board reports to PDF; when it is missing, people use their browser's Print. */
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  })
  .superRefine((config, ctx) => {
    // All or nothing: half a provider configuration is a mistake, not a choice.
    const required = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
    if (config.OIDC_ISSUER) {
      for (const name of required.filter((key) => !config[key])) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'OIDC_ISSUER', params: { isMissing: true } });
      }
    } else if (required.some((key) => config[key])) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: required.find((key) => config[key]) ?? '',
        params: { isMissing: true },
      });
    }
  });

/** Settings whose values may hold passwords, so an error never repeats them. */
const secretSettings = new Set(['DATABASE_URL', 'REDIS_URL', 'OIDC_CLIENT_SECRET']);

export type Config = Omit<z.infer<typeof ConfigSchema>, 'LANTERN_DEMO'> & {
  LANTERN_DEMO: 'auto' | 'off';
  /** Where PGlite keeps its files; `memory://` for tests. */
  dataDir: string;
};

/** A setting that cannot be used: the message names the variable and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as it does in most shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'configuration');
    if (issue?.code === 'custom' && issue.params?.isMissing) {
      throw new ConfigError(`${name} is required when ${issue.message} is set`);
    }
    const mappedTo = issue?.path[1];
    if (name === 'OIDC_ROLE_MAP' && typeof mappedTo === 'string') {
      const role = JSON.stringify((JSON.parse(present[name] ?? '{}') as Record<string, unknown>)[mappedTo]);
      throw new ConfigError(
        `OIDC_ROLE_MAP is not valid: "${mappedTo}" maps to ${role}, which is not a Lantern role; expected one of ${staffRoles.join(', ')}`,
      );
    }
    const given = secretSettings.has(name) ? undefined : present[name];
    const expected = describeExpected(name, issue?.message ?? 'a valid value');
    throw new ConfigError(
      `${name} is not valid${given === undefined ? '' : ` (got "${given}")`}: expected ${expected}`,
    );
  }
  const demo = parsed.data.LANTERN_DEMO ?? (parsed.data.NODE_ENV === 'production' ? 'off' : 'auto');
  return { ...parsed.data, LANTERN_DEMO: demo, dataDir: parsed.data.LANTERN_DATA_DIR };
}

function describeExpected(name: string, message: string): string {
  switch (name) {
    case 'PORT':
      return 'a whole number from 0 to 65535';
    case 'LOG_LEVEL':
      return `one of ${LogLevel.options.join(', ')}`;
    case 'PUBLIC_URL':
      return 'a full URL such as https://lantern.example.nhs.uk';
    case 'DATABASE_URL':
      return 'a postgres:// or postgresql:// URL';
    case 'REDIS_URL':
      return 'a redis:// or rediss:// URL';
    case 'OIDC_ISSUER':
      return "the provider's issuer URL, https:// (http:// only for localhost)";
    case 'OIDC_ROLE_MAP':
      return 'a JSON object mapping claim values to Lantern roles, such as {"R8000": "camhs-clinician"}';
    default:
      return message.replace(/^Invalid (input|option): (expected )?/i, '');
  }
}

/** Settings for tests: an in-memory PGlite database, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LANTERN_DEMO: 'off' }),
    dataDir: 'memory://',
    ...overrides,
  };
}
