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
  ].flatMap((field) => [field, `*.${field}`]),
];

/** The path without its query string: queries can carry what a person searched for. */
export function pathOnly(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
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
    },
  };
}
