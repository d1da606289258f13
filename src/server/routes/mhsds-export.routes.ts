import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MhsdsExportList, MhsdsExportQuery, MhsdsTableParams } from '../../contracts/mhsds-export.js';
import type { LanternDb } from '../../db/client.js';
import { exportMhsdsTable, listMhsdsExport, mhsdsDictionary } from '../../services/mhsds/export.js';
import { errors } from './mhst.routes.js';
import { signedInOperation } from './security.js';

const CsvFile = z.string().describe('A CSV file (RFC 4180, UTF-8): the first line is the header row');
const op = (summary: string) => ({ summary, tags: ['reporting'], ...signedInOperation });
const attachment = (filename: string) => `attachment; filename="${filename}"`;

/** The MHSDS-shaped export for a period (issue 8): one CSV per table and a data dictionary. */
export const mhsdsExportRoutes: FastifyPluginAsyncZod<{ db: LanternDb; now: () => Date }> = async (
  app,
  { db },
) => {
  const deps = { db };
  // Record-level data: no cache anywhere may keep a copy.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/exports/mhsds',
    {
      schema: {
        ...op(
          'The MHSDS-shaped export for a period (the last whole month unless from and to are given): its tables with row counts and download links. Not an accredited submission.',
        ),
        querystring: MhsdsExportQuery,
        response: { 200: MhsdsExportList, ...errors },
      },
    },
    (request) => listMhsdsExport(request.ctx, deps, request.query),
  );

  // Declared before the table route; the router prefers this fixed path to the parametric one anyway.
  app.get(
    '/api/exports/mhsds/dictionary.csv',
    {
      schema: {
        ...op(
          'The data dictionary of the MHSDS-shaped export, as CSV: every column, its meaning, source and codes',
        ),
        response: { 200: CsvFile, ...errors },
      },
    },
    async (request, reply) => {
      const { filename, csv } = await mhsdsDictionary(request.ctx);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(filename))
        .send(csv);
    },
  );

  app.get(
    '/api/exports/mhsds/:table.csv',
    {
      schema: {
        ...op(
          'One table of the MHSDS-shaped export (such as MHS001MPI) for a period, as a CSV attachment: record-level, not an accredited submission',
        ),
        params: MhsdsTableParams,
        querystring: MhsdsExportQuery,
        response: { 200: CsvFile, ...errors },
      },
    },
    async (request, reply) => {
      const download = await exportMhsdsTable(request.ctx, deps, request.params.table, request.query);
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(download.filename))
          // Sent a page at a time as it is read; never kept.
          .send(Readable.from(download.chunks) as never)
      );
    },
  );
};
