import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, pathOnly } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const options = loggerOptions({ LOG_LEVEL: 'info' }) as pino.LoggerOptions;
  return { logger: pino(options, stream), lines };
}

describe('the logger', () => {
  it('redacts personal fields wherever they appear one level down', () => {
    const { logger, lines } = capture();
    logger.info(
      { child: { name: 'Ada Lovelace', nhsNumber: '9990000018', dateOfBirth: '2012-01-01' }, email: 'a@b.c' },
      'x',
    );
    expect(lines[0]).toMatchObject({
      child: { name: '[redacted]', nhsNumber: '[redacted]', dateOfBirth: '[redacted]' },
      email: '[redacted]',
    });
    expect(JSON.stringify(lines[0])).not.toContain('Lovelace');
  });

  it('logs requests by path, without the query string or cookies', () => {
    const { logger, lines } = capture();
    const req = {
      method: 'GET',
      url: '/api/directory/services?need=self-harm&age=13',
      id: 'r1',
      headers: { cookie: 's=1' },
    };
    logger.info({ req }, 'incoming request');
    expect(lines[0]?.req).toEqual({ method: 'GET', path: '/api/directory/services', requestId: 'r1' });
    expect(JSON.stringify(lines[0])).not.toContain('self-harm');
  });

  it('keeps the path of a URL without a query as it is', () => {
    expect(pathOnly('/api/health')).toBe('/api/health');
  });

  it('never keeps a survey link’s secret', () => {
    expect(pathOnly('/api/surveys/Xy_9-abc/responses?x=1')).toBe('/api/surveys/:secret/responses');
    expect(pathOnly('/survey/Xy_9-abc')).toBe('/survey/:secret');
    expect(pathOnly('/api/schools/100001/surveys')).toBe('/api/schools/100001/surveys');
  });

  it('never keeps a questionnaire link’s secret', () => {
    expect(pathOnly('/api/questionnaires/Ab_9-xyz/answers')).toBe('/api/questionnaires/:secret/answers');
    expect(pathOnly('/api/questionnaires/Ab_9-xyz?x=1')).toBe('/api/questionnaires/:secret');
    expect(pathOnly('/questionnaire/Ab_9-xyz')).toBe('/questionnaire/:secret');
    expect(pathOnly('/api/caseload/1/questionnaire-links')).toBe('/api/caseload/1/questionnaire-links');
  });
});

describe('logged errors', () => {
  it('keep no values from a failed query, its database error or its detail', () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error('invalid input syntax for type date: "2012-13-45"'), {
      code: '22008',
      detail: 'Key (email)=(ada@example.org) already exists.',
    });
    const failed = Object.assign(
      new Error('Failed query: insert into children (given_name) values ($1)\nparams: Ada,2012-13-45'),
      { name: 'DrizzleQueryError', params: ['Ada', '2012-13-45'], cause },
    );
    logger.error({ err: failed }, 'unhandled error');
    const text = JSON.stringify(lines[0]);
    for (const value of ['Ada', '2012-13-45', 'ada@example.org']) expect(text).not.toContain(value);
    expect(lines[0]?.err).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into children (given_name) values ($1)',
      cause: { code: '22008', message: 'invalid input syntax for type date: "…"' },
    });
  });
});
