import { lazy } from 'react';
import { Route } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';

// Numbers for boards and commissioners: the dashboard, the board report, the MHSDS-shaped export.
const page = <K extends string>(load: () => Promise<Record<K, () => React.ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const DashboardPage = page(() => import('./dashboard-page.js'), 'DashboardPage');
const BoardReportPage = page(() => import('./board-report-page.js'), 'BoardReportPage');
const MhsdsExportPage = page(() => import('./mhsds-export-page.js'), 'MhsdsExportPage');

export const reportingRoutes = [
  <Route key="reports" path={webPaths.reports} element={<DashboardPage />} />,
  <Route key="board" path={webPaths.boardReport} element={<BoardReportPage />} />,
  <Route key="mhsds" path={webPaths.mhsdsExport} element={<MhsdsExportPage />} />,
];
