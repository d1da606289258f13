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
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
