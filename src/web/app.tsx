import { Route, Routes } from 'react-router';
import { webPaths } from '../contracts/web-paths.js';
import { Layout } from './components/layout.js';
import { FindSupportPage } from './features/find-support/find-support-page.js';
import { ResultsPage } from './features/find-support/results-page.js';
import { ServicePage } from './features/find-support/service-page.js';
import { AccessibilityPage } from './features/pages/accessibility-page.js';
import { HelpNowPage } from './features/pages/help-now-page.js';
import { HomePage } from './features/pages/home-page.js';
import { NotFoundPage } from './features/pages/not-found-page.js';
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

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path={webPaths.home} element={<HomePage />} />
        <Route path={webPaths.findSupport} element={<FindSupportPage />} />
        <Route path={webPaths.findSupportResults} element={<ResultsPage />} />
        <Route path={webPaths.service} element={<ServicePage />} />
        <Route path={webPaths.helpNow} element={<HelpNowPage />} />
        <Route path={webPaths.accessibility} element={<AccessibilityPage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
