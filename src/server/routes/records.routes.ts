import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SubjectAccessChild,
  SubjectAccessExport,
  SubjectAccessExportInput,
  SubjectAccessPreview,
  SubjectAccessPreviewInput,
  SubjectAccessRequestList,
  SubjectAccessSearchInput,
} from '../../contracts/records.js';
import type { LanternDb } from '../../db/client.js';
import {
  exportSubjectAccess,
  listSubjectAccessRequests,
  previewSubjectAccess,
  searchSubjectAccessChild,
} from '../../services/records/subject-access.js';
import { subjectAccessPdf } from '../../services/records/subject-access-pdf.js';
import { IdempotencyKey } from './headers.js';
import { errors } from './mhst.routes.js';
import { signedInOperation } from './security.js';

/** Subject access exports of one child's record, with its retention review date. */
export const recordRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['records'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/api/subject-access/search',
    {
      schema: {
        ...op('Find a child’s record by NHS number or referral reference (in the body, never the URL)'),
        body: SubjectAccessSearchInput,
        response: { 200: SubjectAccessChild, ...errors },
      },
    },
    (request) => searchSubjectAccessChild(request.ctx, deps, request.body),
  );
  app.post(
    '/api/subject-access/previews',
    {
      schema: {
        ...op('What an export for this requester would withhold: counts and reasons, no content'),
        body: SubjectAccessPreviewInput,
        response: { 200: SubjectAccessPreview, ...errors },
      },
    },
    (request) => previewSubjectAccess(request.ctx, deps, request.body),
  );
  app.post(
    '/api/subject-access/exports',
    {
      // Not in the shared idempotency store (it has no row-level security): the service records one
      // request per Idempotency-Key and renders the record again on a retry.
      schema: {
        ...op(
          'Export a child’s record for a subject access request, as JSON or (format pdf) application/pdf',
        ),
        headers: IdempotencyKey,
        body: SubjectAccessExportInput,
        response: { 200: SubjectAccessExport, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const data = await exportSubjectAccess(request.ctx, deps, request.body, key);
      if (request.body.format === 'json') return data;
      const pdf = await subjectAccessPdf(data);
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="subject-access-request.pdf"')
          // The 200 schema describes the JSON form; PDF bytes are sent as they are, not serialised.
          .send(pdf as never)
      );
    },
  );
  app.get(
    '/api/subject-access/requests',
    {
      schema: {
        ...op('Past subject access requests: who asked, when, and how much was withheld (no content)'),
        response: { 200: SubjectAccessRequestList, ...errors },
      },
    },
    (request) => listSubjectAccessRequests(request.ctx, deps),
  );
};
