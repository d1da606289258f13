import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { appendAccessLog } from '../db/repositories/audit.repository.js';
import { AppError } from '../domain/app-error.js';
import type { Config } from './config.js';
import { loggerOptions } from './logger.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { refuseAnonymous, registerRequestContext, requireAuthorisation } from './plugins/request-context.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { onlineSessionCookie, registerSessions, sessionCookie } from './plugins/session.js';
import { registerWebApp } from './plugins/web-app.js';
import { createHub } from './realtime/create-hub.js';
import type { Hub } from './realtime/hub.js';
import { adminRoutes } from './routes/admin.routes.js';
import { boardReportRoutes } from './routes/board-report.routes.js';
import { caseloadRoutes } from './routes/caseload.routes.js';
import { directoryRoutes } from './routes/directory.routes.js';
import { episodeRoutes } from './routes/episodes.routes.js';
import { frontDoorRoutes } from './routes/front-door.routes.js';
import { groupTherapyRoutes } from './routes/group-therapy.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { measureRoutes } from './routes/measures.routes.js';
import { mhsdsExportRoutes } from './routes/mhsds-export.routes.js';
import { mhstRoutes } from './routes/mhst.routes.js';
import { noteRoutes } from './routes/notes.routes.js';
import { oidcFromConfig, oidcRoutes, oidcStatusRoutes } from './routes/oidc.routes.js';
import { onlineAccountRoutes } from './routes/online-accounts.routes.js';
import { onlineBookingRoutes } from './routes/online-bookings.routes.js';
import { onlineChatRoutes } from './routes/online-chat.routes.js';
import { onlineRiskRoutes } from './routes/online-risk.routes.js';
import { onlineUsageRoutes } from './routes/online-usage.routes.js';
import { recordRoutes } from './routes/records.routes.js';
import { referralRoutes } from './routes/referrals.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { safeguardingRoutes } from './routes/safeguarding.routes.js';
import { schoolsRoutes } from './routes/schools.routes.js';
import { securitySchemes } from './routes/security.js';
import { selfHelpRoutes } from './routes/self-help.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { triageRoutes } from './routes/triage.routes.js';

export interface AppDeps {
  database: Database;
  now?: () => Date;
  /** Where the built web app is; tests without a build pass a folder with no index.html. */
  webAppFolder?: string;
  /** Told of every route as it is added, for the route manifest test. */
  onRoute?: ((method: string, url: string) => void) | undefined;
  /** Chat fan-out; by default in-process, or through Redis when REDIS_URL is set. Closed with the app. */
  hub?: Hub;
}

/** Builds the HTTP app without listening, so tests drive it with inject(). */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    genReqId: () => randomUUID(),
    trustProxy: config.TRUST_PROXY === 'true',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.onRoute) {
    const onRoute = deps.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute(method, route.url);
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const db = deps.database.db;
  const now = deps.now ?? (() => new Date());
  const cookie = sessionCookie(config);
  const hub = deps.hub ?? createHub(config);
  app.addHook('onClose', () => hub.close());
  registerErrorHandling(app);
  registerRequestContext(app, { now, appendAccessLog: (entry, tx) => appendAccessLog(db, entry, tx) });
  await registerSecurityHeaders(app, { isProduction: config.NODE_ENV === 'production' });
  await registerSessions(app, { db, now, config, cookie });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate-limited',
        `Too many attempts from this address. Wait ${Math.ceil(context.ttl / 1000)} seconds.`,
      ),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lantern API',
        version: '0.1.0',
        description:
          "Children and young people's mental health support. Errors are RFC 9457 problem details.",
      },
      servers: [{ url: config.PUBLIC_URL }],
      components: { securitySchemes },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes, { db, databaseKind: deps.database.kind });
  // The provider's metadata is fetched on the first sign-in through it, then kept for the app's life.
  const oidc = oidcFromConfig(config, app.log);
  await app.register(async (api) => {
    refuseAnonymous(api);
    registerIdempotency(api, { db, now });
    if (config.NODE_ENV !== 'production') requireAuthorisation(api);
    await api.register(directoryRoutes, { db });
    await api.register(sessionRoutes, { db, cookie });
    await api.register(oidcStatusRoutes, { oidc });
    if (oidc) await api.register(oidcRoutes, { db, cookie, oidc });
    await api.register(adminRoutes, { db });
    await api.register(referralRoutes, { db });
    await api.register(frontDoorRoutes, { db, publicPerHour: config.PUBLIC_REFERRALS_PER_HOUR });
    await api.register(triageRoutes, { db, isProduction: config.NODE_ENV === 'production' });
    await api.register(schoolsRoutes, { db });
    await api.register(mhstRoutes, { db });
    await api.register(caseloadRoutes, { db });
    await api.register(episodeRoutes, { db });
    await api.register(groupTherapyRoutes, { db });
    await api.register(noteRoutes, { db });
    await api.register(safeguardingRoutes, { db });
    await api.register(measureRoutes, { db, publicUrl: () => config.PUBLIC_URL });
    await api.register(recordRoutes, { db });
    const online = {
      db,
      hub,
      now,
      onlineCookie: onlineSessionCookie(config),
      publicUrl: () => config.PUBLIC_URL,
    };
    await api.register(onlineAccountRoutes, online);
    await api.register(onlineChatRoutes, online);
    await api.register(onlineRiskRoutes, online);
    await api.register(onlineBookingRoutes, online);
    await api.register(selfHelpRoutes, online);
    await api.register(onlineUsageRoutes, online);
    await api.register(reportRoutes, { db, now });
    await api.register(boardReportRoutes, { db, now, chromiumPath: config.CHROMIUM_PATH });
    await api.register(mhsdsExportRoutes, { db, now });
  });

  await registerWebApp(app, deps.webAppFolder);
  return app;
}
