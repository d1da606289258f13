import * as appointments from './appointments.js';
import * as episodes from './episodes.js';
import * as measures from './measures.js';
import * as notes from './notes.js';
import * as records from './records.js';

/** Case work's route table, one file per area so each area keeps its own rows. */
const areas = [episodes, appointments, notes, measures, records];

export const caseworkPermissions = Object.assign({}, ...areas.map((a) => a.permissions)) as Record<
  string,
  (typeof episodes.permissions)[string]
>;
export const caseworkBodies: Record<string, object> = Object.assign({}, ...areas.map((a) => a.bodies));
export const caseworkRowsWhenAllowed: Record<string, number> = Object.assign(
  {},
  ...areas.map((a) => a.rowsWhenAllowed),
);
