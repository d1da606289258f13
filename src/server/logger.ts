import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

/**
 * Fields that may carry personal data, wherever they appear in a logged object. Redaction is the
 * safety net; the first rule is not to log such values at all.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'name',
    'firstName',
    'lastName',
    'givenName',
    'familyName',
    'displayName',
    'email',
    'phone',
    'dateOfBirth',
    'nhsNumber',
    'postcode',
    'address',
    'username',
    'body',
    'text',
    'answers',
    'secret',
    'recipient',
  ].flatMap((field) => [field, `*.${field}`]),
];

/**
 * The path without its query string (queries can carry what a person searched for), and without
 * a survey or questionnaire link's secret, which would let anyone reading logs answer it.
 */
export function pathOnly(url: string): string {
  const index = url.indexOf('?');
  const path = index === -1 ? url : url.slice(0, index);
  return path.replace(
    /^(\/api\/surveys|\/survey|\/api\/questionnaires|\/questionnaire)\/[^/]+/,
    '$1/:secret',
  );
}

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: unknown;
}

/**
 * An error as it may be logged. Database errors carry the values of the failed query (Drizzle puts
 * its parameters in the message, PostgreSQL puts row values in `detail` and quoted input in its
 * message), and those are a child's or a member of staff's data. So only the first line of the
 * message is kept, quoted values are blanked, `detail` and parameters are dropped, and the stack
 * keeps its frames but not its message.
 */
export function safeError(
  error: unknown,
  depth = 0,
): { [key: string]: unknown; type: string; message: string; stack: string } {
  if (!error || typeof error !== 'object') return { type: typeof error, message: String(error), stack: '' };
  const e = error as ErrorLike;
  const firstLine = String(e.message ?? '').split('\n')[0] ?? '';
  const frames = String(e.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 15);
  return {
    type: e.name ?? 'Error',
    message: firstLine.replace(/"[^"]*"/g, '"…"'),
    ...(e.code ? { code: e.code } : {}),
    ...(e.constraint ? { constraint: e.constraint } : {}),
    ...(e.table ? { table: e.table } : {}),
    ...(e.column ? { column: e.column } : {}),
    stack: frames.join('\n'),
    ...(e.cause && depth < 3 ? { cause: safeError(e.cause, depth + 1) } : {}),
  };
}

export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: pathOnly(req.url),
        requestId: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: unknown) => safeError(err),
    },
  };
}
