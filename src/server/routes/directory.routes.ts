import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DirectoryArea,
  DirectorySearchQuery,
  DirectorySearchResult,
  DirectoryService,
  SchoolList,
  ServiceSlugParams,
} from '../../contracts/directory.js';
import { Problem } from '../../contracts/problem.js';
import type { LanternDb } from '../../db/client.js';
import { getArea } from '../../services/organisations/get-area.js';
import { getDirectoryService } from '../../services/organisations/get-directory-service.js';
import { listSchools } from '../../services/organisations/list-schools.js';
import { searchDirectory } from '../../services/organisations/search-directory.js';
import { publicOperation } from './security.js';

/** The public "Find support" directory: no sign-in, no personal data. */
export const directoryRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const tags = ['directory'];

  app.get(
    '/api/directory/services',
    {
      schema: {
        summary: 'Services that fit an age, school or postcode, and a worry, with the reasons',
        tags,
        ...publicOperation,
        querystring: DirectorySearchQuery,
        response: { 200: DirectorySearchResult, 400: Problem },
      },
    },
    async (request, reply) => {
      // The query says what someone is worried about: keep it out of shared caches.
      reply.header('cache-control', 'no-store');
      return searchDirectory(request.ctx, { db }, request.query);
    },
  );

  app.get(
    '/api/directory/services/:slug',
    {
      schema: {
        summary: "One service's directory entry",
        tags,
        ...publicOperation,
        params: ServiceSlugParams,
        response: { 200: DirectoryService, 400: Problem, 404: Problem },
      },
    },
    (request) => getDirectoryService(request.ctx, { db }, request.params.slug),
  );

  app.get(
    '/api/directory/area',
    {
      schema: {
        summary: 'The area this installation serves, and whether it is the fictional demo area',
        tags,
        ...publicOperation,
        response: { 200: DirectoryArea, 404: Problem },
      },
    },
    (request) => getArea(request.ctx, { db }),
  );

  app.get(
    '/api/directory/schools',
    { schema: { summary: 'Schools in the area', tags, ...publicOperation, response: { 200: SchoolList } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { schools: await listSchools(request.ctx, { db }) };
    },
  );
};
