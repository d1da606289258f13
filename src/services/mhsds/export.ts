import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import { MHSDS_NOTICE, type MhsdsExportList, type MhsdsExportQuery } from '../../contracts/mhsds-export.js';
import type { LanternDb } from '../../db/client.js';
import * as mhsds from '../../db/repositories/mhsds.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { addDays } from '../../domain/calendar.js';
import { londonDate } from '../../domain/people/child-details.js';
import { lastWholeMonth, periodProblem } from '../../domain/reporting/mhsds/period.js';
import type { TableDefinition } from '../../domain/reporting/mhsds/table-definition.js';
import {
  dictionaryCsv,
  headerLine,
  isMhsdsTableName,
  type MhsdsTableName,
  mhsdsTables,
  rowLines,
} from '../../domain/reporting/mhsds/tables.js';
import { recordChange } from '../audit/record-change.js';
import { londonDayStart } from '../schools/school-work.js';

// The MHSDS-shaped export (issue 8; DOMAIN.md "National reporting"). Record-level data
// for the data team of the organisation making it, holding `mhsds:export` (service managers).
// Service managers' own record scope is their service, but an MHSDS-shaped export covers the whole
// provider organisation, so the rows are read under a system scope, limited in SQL to the caller's
// organisation. Each read writes one access-log row saying what was read (table, period, row
// counts: never a child's details); each CSV download also writes an audit row. The export is
// built as it is sent and never stored: not on disk, not in the idempotency store.

const PERMISSION = 'mhsds:export' as const;
const REASON = 'MHSDS-shaped export';
const API = '/api/exports/mhsds';
type Deps = { db: LanternDb };

interface Period {
  from: string;
  to: string;
  where: mhsds.ExportWhere;
}

function periodOf(ctx: ServiceContext, query: MhsdsExportQuery): Period {
  const { organisationId } = staffOf(ctx);
  if ((query.from === undefined) !== (query.to === undefined)) {
    const missing = query.from === undefined ? 'from' : 'to';
    throw new AppError('bad-request', 'Give both the start and the end of the period, or neither.', [
      { name: missing, reason: 'must be given with the other end of the period' },
    ]);
  }
  const chosen =
    query.from && query.to ? { from: query.from, to: query.to } : lastWholeMonth(londonDate(ctx.now()));
  const problem = periodProblem(chosen.from, chosen.to);
  if (problem) {
    throw new AppError('bad-request', 'Choose a period of 12 months or less that ends after it starts.', [
      { name: problem.field, reason: problem.reason },
    ]);
  }
  return {
    ...chosen,
    where: {
      organisationId,
      since: londonDayStart(chosen.from),
      until: londonDayStart(addDays(chosen.to, 1)),
      lastDay: chosen.to,
    },
  };
}

const periodQuery = (p: { from: string; to: string }) => `from=${p.from}&to=${p.to}`;

/** The tables with their row counts and download links: counts only, no row leaves here. */
export async function listMhsdsExport(
  ctx: ServiceContext,
  deps: Deps,
  query: MhsdsExportQuery,
): Promise<MhsdsExportList> {
  await authorise(ctx, PERMISSION);
  const period = periodOf(ctx, query);
  const counts = await withScope(deps.db, systemScope(REASON), async (tx) => {
    const found: number[] = [];
    for (const table of mhsdsTables) found.push(await mhsds.countRows(tx, table.name, period.where));
    await ctx.recordAccess(
      {
        subjectKind: 'mhsds-export',
        subjectId: null,
        action: PERMISSION,
        outcome: 'allowed',
        basis: 'row-counts',
        reason: `${period.from} to ${period.to}: row counts ${mhsdsTables.map((t, i) => `${t.name} ${found[i]}`).join(', ')}`,
      },
      tx,
    );
    return found;
  });
  return {
    from: period.from,
    to: period.to,
    notice: MHSDS_NOTICE,
    tables: mhsdsTables.map((table, i) => ({
      name: table.name,
      title: table.title,
      rows: counts[i] ?? 0,
      href: `${API}/${table.name}.csv?${periodQuery(period)}`,
    })),
    dictionaryHref: `${API}/dictionary.csv`,
  };
}

export interface CsvDownload {
  filename: string;
  rows: number;
  /** The file's text, a page of records at a time: header first. */
  chunks: AsyncIterable<string>;
}

async function* tableChunks(deps: Deps, name: MhsdsTableName, where: mhsds.ExportWhere) {
  const table = mhsdsTables.find((t) => t.name === name) as TableDefinition<unknown>;
  yield headerLine(table);
  let after: string | null = null;
  do {
    // Each page is its own short transaction, so a long download never holds one open.
    const page: { rows: unknown[]; next: string | null } = await withScope(
      deps.db,
      systemScope(REASON),
      (tx) => mhsds.pageRows(tx, name, where, after),
    );
    if (page.rows.length > 0) yield rowLines(table, page.rows);
    after = page.next;
  } while (after !== null);
}

/** One table of the export as a CSV file, for the period. An unknown table answers 404. */
export async function exportMhsdsTable(
  ctx: ServiceContext,
  deps: Deps,
  tableName: string,
  query: MhsdsExportQuery,
): Promise<CsvDownload> {
  await authorise(ctx, PERMISSION);
  if (!isMhsdsTableName(tableName)) {
    throw new AppError('not-found', 'There is no table of that name in the MHSDS-shaped export.');
  }
  const period = periodOf(ctx, query);
  const rows = await withScope(deps.db, systemScope(REASON), async (tx) => {
    const count = await mhsds.countRows(tx, tableName, period.where);
    const summary = { table: tableName, from: period.from, to: period.to, rows: count };
    await ctx.recordAccess(
      {
        subjectKind: 'mhsds-export',
        subjectId: tableName,
        action: PERMISSION,
        outcome: 'allowed',
        basis: 'record-level-export',
        reason: `${tableName} ${period.from} to ${period.to}: ${count} rows`,
      },
      tx,
    );
    await recordChange(tx, ctx, {
      entity: 'mhsds-export',
      entityId: randomUUID(),
      action: 'mhsds:exported',
      after: summary,
    });
    return count;
  });
  return {
    filename: `lantern-mhsds-${tableName}-${period.from}-to-${period.to}.csv`,
    rows,
    chunks: tableChunks(deps, tableName, period.where),
  };
}

/** The data dictionary: made from the table definitions, it holds no data about anyone. */
export async function mhsdsDictionary(ctx: ServiceContext): Promise<{ filename: string; csv: string }> {
  await authorise(ctx, PERMISSION);
  return { filename: 'lantern-mhsds-dictionary.csv', csv: dictionaryCsv() };
}
