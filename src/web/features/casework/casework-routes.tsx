import { Fragment, lazy } from 'react';
import { Route } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PermittedLinks } from '../../components/permitted-links.js';

// Case work pages, each loaded on first visit.
const page = <K extends string>(load: () => Promise<Record<K, () => React.ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const EpisodePage = page(() => import('./episode-page.js'), 'EpisodePage');
const CloseEpisodePage = page(() => import('./close-episode-page.js'), 'CloseEpisodePage');
const NotesPage = page(() => import('./notes-page.js'), 'NotesPage');
const QuestionnairesPage = page(() => import('./questionnaires-page.js'), 'QuestionnairesPage');
const RaiseConcernPage = page(() => import('./raise-concern-page.js'), 'RaiseConcernPage');
const GroupTherapyPage = page(() => import('./group-therapy-page.js'), 'GroupTherapyPage');
const SupervisionPage = page(() => import('./supervision-page.js'), 'SupervisionPage');
const SafeguardingBoardPage = page(() => import('./safeguarding-board-page.js'), 'SafeguardingBoardPage');
const SafeguardingConcernPage = page(
  () => import('./safeguarding-concern-page.js'),
  'SafeguardingConcernPage',
);
const InstrumentsPage = page(() => import('./instruments-page.js'), 'InstrumentsPage');
const SubjectAccessPage = page(() => import('./subject-access-page.js'), 'SubjectAccessPage');
const AnswerQuestionnairePage = page(
  () => import('./answer-questionnaire-page.js'),
  'AnswerQuestionnairePage',
);

/** Case work pages, drawn inside the app's <Routes>. */
export const caseworkRoutes = (
  <Fragment>
    <Route path={webPaths.episode} element={<EpisodePage />} />
    <Route path={webPaths.closeEpisode} element={<CloseEpisodePage />} />
    <Route path={webPaths.caseNotes} element={<NotesPage />} />
    <Route path={webPaths.caseQuestionnaires} element={<QuestionnairesPage />} />
    <Route path={webPaths.raiseConcern} element={<RaiseConcernPage />} />
    <Route path={webPaths.groupTherapy} element={<GroupTherapyPage />} />
    <Route path={webPaths.supervision} element={<SupervisionPage />} />
    <Route path={webPaths.safeguardingBoard} element={<SafeguardingBoardPage />} />
    <Route path={webPaths.safeguardingConcern} element={<SafeguardingConcernPage />} />
    <Route path={webPaths.instruments} element={<InstrumentsPage />} />
    <Route path={webPaths.subjectAccess} element={<SubjectAccessPage />} />
    <Route path={webPaths.answerQuestionnaire} element={<AnswerQuestionnairePage />} />
  </Fragment>
);

const links = [
  { permission: 'contact:record', to: webPaths.groupTherapy, text: 'Group therapy sessions' },
  { permission: 'note:sign-off', to: webPaths.supervision, text: 'Supervision and notes to sign off' },
  { permission: 'safeguarding:manage', to: webPaths.safeguardingBoard, text: 'Safeguarding concerns' },
  { permission: 'instrument:load', to: webPaths.instruments, text: 'Licensed questionnaires' },
  { permission: 'subject-access:export', to: webPaths.subjectAccess, text: 'Subject access requests' },
] as const;

/** Links on the staff home page for case work, each shown only with its permission. */
export function CaseworkLinks({ permissions }: { permissions: readonly string[] }) {
  return <PermittedLinks heading="Case work" links={links} permissions={permissions} />;
}
