import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../../contracts/problem.js';
import { AppError, type AppErrorCode, appErrorStatus } from '../../domain/app-error.js';

const titles: Record<number, string> = {
  400: 'There is a problem with the request',
  401: 'Sign in to continue',
  403: 'You do not have permission',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Someone else changed this first',
  413: 'Too much data',
  415: 'Unsupported content type',
  422: 'This request cannot be handled as sent',
  428: 'Send If-Match with the version you changed',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

function codeFor(status: number): string {
  const known = Object.entries(appErrorStatus).find(([, value]) => value === status)?.[0] as
    | AppErrorCode
    | undefined;
  return known ?? (status >= 500 ? 'server-error' : 'client-error');
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
  invalidParams?: Problem['invalidParams'],
) {
  const problem: Problem = {
    type: `/problems/${codeFor(status)}`,
    title: titles[status] ?? (status >= 500 ? 'Something went wrong' : 'There is a problem with the request'),
    status,
    detail,
    requestId: request.id,
    ...(invalidParams ? { invalidParams } : {}),
  };
  return reply.code(status).type('application/problem+json').send(problem);
}

/** Names a parameter from a schema error path such as `/age` or `/answers/0/value`. */
function paramName(instancePath: string, fallback: string): string {
  const name = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return name === '' ? fallback : name;
}

/** The one place errors become HTTP responses: RFC 9457 problem details carrying the request id. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const invalidParams = error.validation.map((issue) => ({
        name: paramName(issue.instancePath, error.validationContext ?? 'request'),
        reason: issue.message ?? 'is not valid',
      }));
      const names = [...new Set(invalidParams.map((param) => param.name))].join(', ');
      return sendProblem(request, reply, 400, `Check ${names}.`, invalidParams);
    }
    if (error instanceof AppError) {
      return sendProblem(request, reply, appErrorStatus[error.code], error.message, error.invalidParams);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, unsupported type) carry safe messages.
      return sendProblem(request, reply, status, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'Something went wrong on our side. Please try again.');
  });
}
