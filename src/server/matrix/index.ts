import * as appointments from './appointments.js';
import * as boardReport from './board-report.js';
import * as episodes from './episodes.js';
import * as measures from './measures.js';
import * as mhsdsExport from './mhsds-export.js';
import * as notes from './notes.js';
import * as onlineAccounts from './online-accounts.js';
import * as onlineBookings from './online-bookings.js';
import * as onlineChat from './online-chat.js';
import * as onlineRisk from './online-risk.js';
import * as onlineUsage from './online-usage.js';
import * as records from './records.js';
import * as reports from './reports.js';
import * as selfHelp from './self-help.js';

/** Case work's, online support's and reporting's route tables, one file per area so each keeps its own rows. */
const areas = [
  episodes,
  appointments,
  notes,
  measures,
  records,
  onlineAccounts,
  onlineChat,
  onlineRisk,
  onlineBookings,
  selfHelp,
  onlineUsage,
  reports,
  boardReport,
  mhsdsExport,
];

export const caseworkPermissions = Object.assign({}, ...areas.map((a) => a.permissions)) as Record<
  string,
  (typeof episodes.permissions)[string]
>;
export const caseworkBodies: Record<string, object> = Object.assign({}, ...areas.map((a) => a.bodies));
export const caseworkRowsWhenAllowed: Record<string, number> = Object.assign(
  {},
  ...areas.map((a) => a.rowsWhenAllowed),
);
