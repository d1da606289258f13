import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Report, ReportQuery } from '../../contracts/reporting.js';
import type { LanternDb } from '../../db/client.js';
import { csvFileName, reportCsv } from '../../domain/reporting/csv.js';
import { buildReport } from '../../services/reporting/report.js';
import { errors } from './mhst.routes.js';
import { signedInOperation } from './security.js';

/** Dashboards and board reports (issue 8): KPIs from the rollup tables, CSV. */
export const reportRoutes: FastifyPluginAsyncZod<{ db: LanternDb; now: () => Date }> = async (
  app,
  { db, now },
) => {
  const deps = { db, now };
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.get(
    '/api/reports/kpis',
    {
      schema: {
        summary:
          'Key performance indicators for a period, from the rollup tables: published (suppressed) figures, or exact ones with view=operational',
        tags: ['reports'],
        ...signedInOperation,
        querystring: ReportQuery,
        response: { 200: Report, ...errors },
      },
    },
    (request) => buildReport(request.ctx, deps, request.query),
  );
  app.get(
    '/api/reports/kpis.csv',
    {
      schema: {
        summary: 'The KPIs as CSV: always the published, suppressed figures, whatever view is asked for',
        tags: ['reports'],
        ...signedInOperation,
        querystring: ReportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const report = await buildReport(request.ctx, deps, { ...request.query, view: 'published' });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(report)}"`)
        .send(reportCsv(report));
    },
  );
};
