import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { trayLabels, trays, type WaitingList } from '../../../contracts/mhst.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { SelectField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { BulkAllocateForm } from './bulk-allocate-form.js';
import { TeamPagesNav } from './mhst-parts.js';
import { useForecast, useWaitingList } from './mhst-queries.js';
import {
  forecastPath,
  parseSchoolUrn,
  parseTray,
  plural,
  trayTabLabel,
  waitingListPath,
} from './mhst-view.js';
import { WaitingTable } from './waiting-table.js';

/** A team's waiting list: four trays, a school filter, and bulk allocation of those awaiting it. */
export function WaitingListPage() {
  const { teamId = '' } = useParams();
  const [params] = useSearchParams();
  const tray = parseTray(params.get('tray'));
  const schoolUrn = parseSchoolUrn(params.get('schoolUrn'));
  const { allowed, gate, permissions } = useStaffAccess('waiting-list:read', 'see MHST waiting lists');
  const list = useWaitingList(teamId, tray, schoolUrn, allowed);
  const forecast = useForecast(teamId, allowed);
  const canAllocate = hasPermission(permissions, 'allocation:manage');
  if (gate) return gate;
  const data = list.data;
  const alerts = forecast.data?.alerts.length ?? 0;

  return (
    <>
      <PageTitle title="Waiting list" />
      <BackLink to={webPaths.mhstTeams}>Waiting lists</BackLink>
      <h1>
        {data && <span className="nhsuk-caption-l">{data.team.name}</span>}
        Waiting list
      </h1>
      <TeamPagesNav teamId={teamId} current="list" />
      {alerts > 0 && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span>
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Likely to wait more than four weeks
            </span>
          </h2>
          <p>
            {plural(alerts, 'young person', 'young people')} {alerts === 1 ? 'is' : 'are'} likely to wait more
            than four weeks for a first appointment.{' '}
            <Link to={forecastPath(teamId)}>See the week ahead and the alerts</Link>
          </p>
        </div>
      )}
      {list.isPending && <p aria-live="polite">Loading…</p>}
      {list.isError && <LoadError error={list.error} />}
      {data && (
        <>
          <SchoolFilter
            key={`${tray}-${schoolUrn}`}
            teamId={teamId}
            tray={tray}
            schoolUrn={schoolUrn}
            schools={data.schools}
          />
          <div className="nhsuk-tabs lantern-mhst-tabs">
            <h2 className="nhsuk-tabs__title">Trays</h2>
            <nav aria-label="Trays">
              <ul className="nhsuk-tabs__list">
                {trays.map((code) => (
                  <li
                    key={code}
                    className={`nhsuk-tabs__list-item${code === tray ? ' nhsuk-tabs__list-item--selected' : ''}`}
                  >
                    <Link
                      className="nhsuk-tabs__tab"
                      to={waitingListPath(teamId, code, schoolUrn)}
                      aria-current={code === tray ? 'page' : undefined}
                    >
                      {trayTabLabel(code, data.counts[code])}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="nhsuk-tabs__panel">
              <TrayPanel list={data} teamId={teamId} canAllocate={canAllocate} schoolUrn={schoolUrn} />
            </div>
          </div>
        </>
      )}
    </>
  );
}

function TrayPanel({
  list,
  teamId,
  canAllocate,
  schoolUrn,
}: {
  list: WaitingList;
  teamId: string;
  canAllocate: boolean;
  schoolUrn: number | null;
}) {
  const { tray, items } = list;
  const isFiltered = schoolUrn !== null;
  const school = list.schools.find((s) => s.urn === schoolUrn)?.name;
  const caption = `${trayLabels[tray]}${school ? ` at ${school}` : ''}, longest waiting first`;
  const over = items.filter((item) => item.rag === 'red').length;
  return (
    <>
      <h2>{trayLabels[tray]}</h2>
      <p role="status">
        {items.length === 0
          ? isFiltered
            ? 'There are no referrals here for this school.'
            : 'There are no referrals here.'
          : `${plural(items.length, 'referral')}${over > 0 ? `, ${over} over four weeks` : ''}.`}
      </p>
      {items.length > 0 &&
        (tray === 'awaiting-allocation' && canAllocate ? (
          <BulkAllocateForm teamId={teamId} caption={caption} items={items} />
        ) : (
          <WaitingTable
            teamId={teamId}
            tray={tray}
            caption={caption}
            items={items}
            canAllocate={canAllocate}
          />
        ))}
    </>
  );
}

/** Shows one school's referrals. A button applies it, so choosing never moves the page by itself. */
function SchoolFilter({
  teamId,
  tray,
  schoolUrn,
  schools,
}: {
  teamId: string;
  tray: WaitingList['tray'];
  schoolUrn: number | null;
  schools: WaitingList['schools'];
}) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(schoolUrn ? String(schoolUrn) : '');

  function apply(event: FormEvent) {
    event.preventDefault();
    navigate(waitingListPath(teamId, tray, parseSchoolUrn(chosen)));
  }

  return (
    <form onSubmit={apply} className="lantern-mhst-filter" aria-label="Filter by school">
      <SelectField id="schoolUrn" label="School" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">All schools</option>
        {schools.map((school) => (
          <option key={school.urn} value={school.urn}>
            {school.name}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show
      </button>
    </form>
  );
}
