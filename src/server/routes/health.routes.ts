import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/problem.js';
import type { LanternDb } from '../../db/client.js';
import { migrationStatus } from '../../db/migrate.js';
import { sendProblem } from '../plugins/errors.js';
import { publicOperation } from './security.js';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ expected: z.number().int(), applied: z.number().int() }),
});

export const healthRoutes: FastifyPluginAsyncZod<{
  db: LanternDb;
  databaseKind: 'pglite' | 'postgres';
}> = async (app, { db, databaseKind }) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'The process is alive',
        tags: ['operations'],
        ...publicOperation,
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      schema: {
        summary: 'The database is reachable and its migrations are current',
        tags: ['operations'],
        ...publicOperation,
        response: { 200: Ready, 503: Problem },
      },
    },
    async (request, reply) => {
      try {
        await db.execute(sql`select 1`);
        const status = await migrationStatus(db);
        if (!status.isCurrent) {
          return sendProblem(
            request,
            reply,
            503,
            `Database migrations are not current (${status.applied} of ${status.expected}).`,
          );
        }
        return { status: 'ready' as const, database: databaseKind, migrations: status };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return sendProblem(request, reply, 503, 'The database cannot be reached.');
      }
    },
  );
};
