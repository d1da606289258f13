import type { AddressInfo } from 'node:net';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../contracts/problem.js';
import type { LanternDb } from '../../db/client.js';
import { boardReportPdf } from '../../services/reporting/board-report-pdf.js';
import {
  BoardReportQuery,
  ownOrigin,
  sessionCookieHeader,
} from '../../services/reporting/board-report-pdf-parts.js';
import { signedInOperation } from './security.js';

export interface BoardReportRouteOptions {
  db: LanternDb;
  now: () => Date;
  /** The CHROMIUM_PATH setting; Debian's Chromium when not given. */
  chromiumPath?: string;
}

/** The quarterly board report printed to PDF by Chromium (issue 8). */
export const boardReportRoutes: FastifyPluginAsyncZod<BoardReportRouteOptions> = async (app, options) => {
  const chromiumPath = options.chromiumPath ?? '/usr/bin/chromium';
  app.get(
    '/api/reports/board.pdf',
    {
      schema: {
        summary:
          'The quarterly board report for an area as application/pdf: published figures only (small numbers suppressed), printed by Chromium from the board report page',
        tags: ['reporting'],
        ...signedInOperation,
        querystring: BoardReportQuery,
        response: { 400: Problem, 401: Problem, 403: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await boardReportPdf(
        request.ctx,
        {
          chromiumPath,
          origin: ownOrigin(app.server.address() as AddressInfo | string | null),
          sessionCookie: sessionCookieHeader(request.cookies),
        },
        request.query,
      );
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          // Only problems have a schema; the PDF's bytes are sent as they are, not serialised.
          .send(pdf as never)
      );
    },
  );
};
