import { Fragment, lazy } from 'react';
import { Route } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PermittedLinks } from '../../components/permitted-links.js';

// The MHST and caseload pages load on first visit, keeping the public pages' bundle small.
const MhstTeamsPage = lazy(() => import('./mhst-teams-page.js').then((m) => ({ default: m.MhstTeamsPage })));
const WaitingListPage = lazy(() =>
  import('./waiting-list-page.js').then((m) => ({ default: m.WaitingListPage })),
);
const AllocationPage = lazy(() =>
  import('./allocation-page.js').then((m) => ({ default: m.AllocationPage })),
);
const ForecastPage = lazy(() => import('./forecast-page.js').then((m) => ({ default: m.ForecastPage })));
const CapacityPage = lazy(() => import('./capacity-page.js').then((m) => ({ default: m.CapacityPage })));
const CaseloadPage = lazy(() => import('./caseload-page.js').then((m) => ({ default: m.CaseloadPage })));
const CaseloadReferralPage = lazy(() =>
  import('./caseload-referral-page.js').then((m) => ({ default: m.CaseloadReferralPage })),
);

/** The MHST and caseload pages, lazy-loaded; drawn inside the app's <Routes>. */
export const mhstRoutes = (
  <Fragment>
    <Route path={webPaths.mhstTeams} element={<MhstTeamsPage />} />
    <Route path={webPaths.waitingList} element={<WaitingListPage />} />
    <Route path={webPaths.allocateReferral} element={<AllocationPage />} />
    <Route path={webPaths.teamForecast} element={<ForecastPage />} />
    <Route path={webPaths.teamCapacity} element={<CapacityPage />} />
    <Route path={webPaths.caseload} element={<CaseloadPage />} />
    <Route path={webPaths.caseloadReferral} element={<CaseloadReferralPage />} />
  </Fragment>
);

const links = [
  { permission: 'waiting-list:read', to: webPaths.mhstTeams, text: 'Waiting lists' },
  { permission: 'caseload:read', to: webPaths.caseload, text: 'Your caseload' },
] as const;

/** Links on the staff home page for people who work in an MHST, each shown only with its permission. */
export function MhstLinks({ permissions }: { permissions: readonly string[] }) {
  return <PermittedLinks heading="Mental Health Support Teams" links={links} permissions={permissions} />;
}
