import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../src/db/migrate.js';
import { buildDemoArea } from '../src/demo/demo-area.js';
import { writeDemoArea } from '../src/demo/write-demo-area.js';
import { benchDirectorySearch } from './directory-search.bench.js';

// npm run bench [-- --seconds 10 --connections 10 --scale 1]
// Uses an in-memory PGlite database, or the PostgreSQL server in DATABASE_URL (a database it may fill).
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    scale: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const scale = Number(values.scale);

const { database } = await openMigratedDatabase({
  DATABASE_URL: process.env.DATABASE_URL,
  dataDir: 'memory://',
});
const seed = 1;
await writeDemoArea(database, { seed, scale });
const area = buildDemoArea({ seed, scale }).organisations;
const servedUrn = area.teamSchools[0]?.schoolUrn ?? area.schools[0]?.urn ?? 0;

console.log(
  `Directory search: ${database.kind}, demo scale ${scale} (${area.schools.length} schools, ${area.services.length} services), ${connections} connections, ${seconds}s each\n`,
);
const [baseline, endpoint] = await benchDirectorySearch(database, {
  seconds,
  connections,
  schoolUrn: servedUrn,
});
await database.close();
if (!baseline || !endpoint) throw new Error('benchmark returned no figures');

const row = (m: typeof baseline) =>
  `${m.label.padEnd(40)} ${m.perSecond.toFixed(0).padStart(8)}/s   p50 ${m.p50ms.toFixed(1).padStart(6)} ms   p99 ${m.p99ms.toFixed(1).padStart(6)} ms`;
console.log(row(baseline));
console.log(row(endpoint));
console.log(
  `\nratio endpoint / direct SQL throughput: ${(endpoint.perSecond / baseline.perSecond).toFixed(2)}`,
);
