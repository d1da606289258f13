import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'a postgres:// or postgresql:// URL');

/** Every setting Lantern reads from the environment, checked once at start-up. */
export const ConfigSchema = z.object({
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
});

/** Settings whose values may hold passwords, so an error never repeats them. */
const secretSettings = new Set(['DATABASE_URL', 'REDIS_URL']);

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
    default:
      return message.replace(/^Invalid (input|option): /i, '');
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
