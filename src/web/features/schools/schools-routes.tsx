import { Fragment, lazy } from 'react';
import { Route } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PermittedLinks } from '../../components/permitted-links.js';

// Each page loads on first visit, keeping the public pages' bundle small.
const SchoolsListPage = lazy(() =>
  import('./schools-list-page.js').then((m) => ({ default: m.SchoolsListPage })),
);
const SchoolDashboardPage = lazy(() =>
  import('./school-dashboard-page.js').then((m) => ({ default: m.SchoolDashboardPage })),
);
const WholeSchoolPage = lazy(() =>
  import('./whole-school-page.js').then((m) => ({ default: m.WholeSchoolPage })),
);
const SchoolSurveysPage = lazy(() =>
  import('./school-surveys-page.js').then((m) => ({ default: m.SchoolSurveysPage })),
);
const ConsultationLinePage = lazy(() =>
  import('./consultation-line-page.js').then((m) => ({ default: m.ConsultationLinePage })),
);
const StaffSurveyPage = lazy(() =>
  import('./staff-survey-page.js').then((m) => ({ default: m.StaffSurveyPage })),
);

/** The school, consultation-line and survey pages, lazy-loaded; drawn inside the app's <Routes>. */
export const schoolsRoutes = (
  <Fragment>
    <Route path={webPaths.schools} element={<SchoolsListPage />} />
    <Route path={webPaths.schoolDashboard} element={<SchoolDashboardPage />} />
    <Route path={webPaths.wholeSchool} element={<WholeSchoolPage />} />
    <Route path={webPaths.schoolSurveys} element={<SchoolSurveysPage />} />
    <Route path={webPaths.consultationLine} element={<ConsultationLinePage />} />
    <Route path={webPaths.staffSurvey} element={<StaffSurveyPage />} />
  </Fragment>
);

const links = [
  { permission: 'school-work:read', to: webPaths.schools, text: 'Schools' },
  { permission: 'consultation-line:use', to: webPaths.consultationLine, text: 'Consultation line' },
] as const;

/** Links on the staff home page for school work and the consultation line. */
export function SchoolsLinks({ permissions }: { permissions: readonly string[] }) {
  return <PermittedLinks heading="Schools and professionals" links={links} permissions={permissions} />;
}
