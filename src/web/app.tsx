import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { webPaths } from '../contracts/web-paths.js';
import { Layout } from './components/layout.js';
import { caseworkRoutes } from './features/casework/casework-routes.js';
import { FindSupportPage } from './features/find-support/find-support-page.js';
import { ResultsPage } from './features/find-support/results-page.js';
import { ServicePage } from './features/find-support/service-page.js';
import { mhstRoutes } from './features/mhst/mhst-routes.js';
import { onlineRoutes } from './features/online/online-routes.js';
import { AccessibilityPage } from './features/pages/accessibility-page.js';
import { HelpNowPage } from './features/pages/help-now-page.js';
import { HomePage } from './features/pages/home-page.js';
import { NotFoundPage } from './features/pages/not-found-page.js';
import { PublicReferPage } from './features/refer/public-refer-page.js';
import { ReferStartPage } from './features/refer/refer-start-page.js';
import { ThresholdsPage } from './features/refer/thresholds-page.js';
import { reportingRoutes } from './features/reporting/reporting-routes.js';
import { schoolsRoutes } from './features/schools/schools-routes.js';
import { AccessLogPage } from './features/staff/access-log-page.js';
import { AdminTeamsPage } from './features/staff/admin-teams-page.js';
import { AdminUserPage } from './features/staff/admin-user-page.js';
import { AdminUsersPage } from './features/staff/admin-users-page.js';
import { EnrolPage } from './features/staff/enrol-page.js';
import { NewPasswordPage } from './features/staff/new-password-page.js';
import { NewUserPage } from './features/staff/new-user-page.js';
import { SecondFactorPage } from './features/staff/second-factor-page.js';
import { SignInPage } from './features/staff/sign-in-page.js';
import { StaffHomePage } from './features/staff/staff-home-page.js';

// Staff referral, triage and MDT pages load on first visit, keeping the public pages' bundle small.
const StaffReferPage = lazy(() =>
  import('./features/refer/staff-refer-page.js').then((m) => ({ default: m.StaffReferPage })),
);
const StaffReferSentPage = lazy(() =>
  import('./features/refer/staff-refer-page.js').then((m) => ({ default: m.StaffReferSentPage })),
);
const StaffReferStartPage = lazy(() =>
  import('./features/refer/staff-refer-start-page.js').then((m) => ({ default: m.StaffReferStartPage })),
);
const MdtMeetingPage = lazy(() =>
  import('./features/triage/mdt-meeting-page.js').then((m) => ({ default: m.MdtMeetingPage })),
);
const MdtMeetingsPage = lazy(() =>
  import('./features/triage/mdt-meetings-page.js').then((m) => ({ default: m.MdtMeetingsPage })),
);
const MyReferralsPage = lazy(() =>
  import('./features/triage/my-referrals-page.js').then((m) => ({ default: m.MyReferralsPage })),
);
const OutboxPage = lazy(() =>
  import('./features/triage/outbox-page.js').then((m) => ({ default: m.OutboxPage })),
);
const TriageQueuePage = lazy(() =>
  import('./features/triage/triage-queue-page.js').then((m) => ({ default: m.TriageQueuePage })),
);
const TriageReferralPage = lazy(() =>
  import('./features/triage/triage-referral-page.js').then((m) => ({ default: m.TriageReferralPage })),
);

export function App() {
  return (
    <Layout>
      <Suspense fallback={<p aria-live="polite">Loading…</p>}>
        <Routes>
          <Route path={webPaths.home} element={<HomePage />} />
          <Route path={webPaths.findSupport} element={<FindSupportPage />} />
          <Route path={webPaths.findSupportResults} element={<ResultsPage />} />
          <Route path={webPaths.service} element={<ServicePage />} />
          <Route path={webPaths.helpNow} element={<HelpNowPage />} />
          <Route path={webPaths.accessibility} element={<AccessibilityPage />} />
          <Route path={webPaths.referStart} element={<ReferStartPage />} />
          <Route path={webPaths.referStep} element={<PublicReferPage />} />
          <Route path={webPaths.thresholds} element={<ThresholdsPage />} />
          <Route path={webPaths.staffReferStart} element={<StaffReferStartPage />} />
          <Route path={webPaths.staffReferSent} element={<StaffReferSentPage />} />
          <Route path={webPaths.staffReferStep} element={<StaffReferPage />} />
          <Route path={webPaths.signIn} element={<SignInPage />} />
          <Route path={webPaths.secondFactor} element={<SecondFactorPage />} />
          <Route path={webPaths.enrolSecondFactor} element={<EnrolPage />} />
          <Route path={webPaths.staffHome} element={<StaffHomePage />} />
          <Route path={webPaths.adminUsers} element={<AdminUsersPage />} />
          <Route path={webPaths.accessLog} element={<AccessLogPage />} />
          <Route path={webPaths.adminNewUser} element={<NewUserPage />} />
          <Route path={webPaths.adminUser} element={<AdminUserPage />} />
          <Route path={webPaths.newPassword} element={<NewPasswordPage />} />
          <Route path={webPaths.adminTeams} element={<AdminTeamsPage />} />
          <Route path={webPaths.triageQueue} element={<TriageQueuePage />} />
          <Route path={webPaths.triageReferral} element={<TriageReferralPage />} />
          <Route path={webPaths.mdtMeetings} element={<MdtMeetingsPage />} />
          <Route path={webPaths.mdtMeeting} element={<MdtMeetingPage />} />
          <Route path={webPaths.myReferrals} element={<MyReferralsPage />} />
          <Route path={webPaths.outbox} element={<OutboxPage />} />
          {mhstRoutes}
          {schoolsRoutes}
          {caseworkRoutes}
          {onlineRoutes}
          {reportingRoutes}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
