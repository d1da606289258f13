import autocannon from 'autocannon';
import type { Database } from '../src/db/client.js';
import * as organisations from '../src/db/repositories/organisations.repository.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';

export interface Measured {
  label: string;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

const search = { age: 14, postcode: 'NV3 2AB', need: 'anxiety' as const };

/** The same SQL the search service runs, in the same order, straight through the driver. */
async function directSql(database: Database, schoolUrn: number) {
  const db = database.db;
  const school = await organisations.findSchool(db, schoolUrn);
  await organisations.findPostcodeDistrict(db, 'NV3');
  await organisations.findArea(db);
  const rows = await organisations.directoryCandidates(db, {
    schoolUrn: school?.urn ?? null,
    district: 'NV3',
  });
  await organisations.openingHoursFor(
    db,
    rows.map((row) => row.serviceId),
  );
}

/** Runs `work` from `connections` concurrent loops for `seconds`, as autocannon does over HTTP. */
async function loop(connections: number, seconds: number, work: () => Promise<void>) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await work();
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { perSecond: latencies.length / seconds, p50ms: at(0.5), p99ms: at(0.99) };
}

export async function benchDirectorySearch(
  database: Database,
  options: { seconds: number; connections: number; schoolUrn: number },
): Promise<Measured[]> {
  const app = await buildApp(testConfig(), { database, webAppFolder: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const query = new URLSearchParams({
    ...search,
    age: String(search.age),
    school: String(options.schoolUrn),
  });
  try {
    // Warm both paths so neither pays for first-use compilation.
    await loop(2, 1, () => directSql(database, options.schoolUrn));
    await autocannon({
      url: `http://127.0.0.1:${port}/api/directory/services?${query}`,
      connections: 2,
      duration: 1,
    });

    const baseline = await loop(options.connections, options.seconds, () =>
      directSql(database, options.schoolUrn),
    );
    const http = await autocannon({
      url: `http://127.0.0.1:${port}/api/directory/services?${query}`,
      connections: options.connections,
      duration: options.seconds,
    });
    if (http.non2xx > 0 || http.errors > 0)
      throw new Error(`search endpoint failed: ${http.non2xx} non-2xx, ${http.errors} errors`);
    return [
      { label: 'same SQL, direct through the driver', ...baseline },
      {
        label: 'GET /api/directory/services',
        perSecond: http.requests.total / options.seconds,
        p50ms: http.latency.p50,
        p99ms: http.latency.p99,
      },
    ];
  } finally {
    await app.close();
  }
}
