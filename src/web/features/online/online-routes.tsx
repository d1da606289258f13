import { Fragment, lazy } from 'react';
import { Route } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';

// Online support pages (young people's under /online, staff's under /staff/online), each loaded on first visit.
const page = <K extends string>(load: () => Promise<Record<K, () => React.ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const OnlineHomePage = page(() => import('./online-home-page.js'), 'OnlineHomePage');
const OnlineSignUpPage = page(() => import('./online-sign-up-page.js'), 'OnlineSignUpPage');
const OnlineSignInPage = page(() => import('./online-sign-in-page.js'), 'OnlineSignInPage');
const OnlineForgotPasswordPage = page(
  () => import('./online-forgot-password-page.js'),
  'OnlineForgotPasswordPage',
);
const OnlineNewPasswordPage = page(() => import('./online-new-password-page.js'), 'OnlineNewPasswordPage');
const MySpacePage = page(() => import('./my-space-page.js'), 'MySpacePage');
const OtherSupportPage = page(() => import('./other-support-page.js'), 'OtherSupportPage');
const ChatPage = page(() => import('./chat-page.js'), 'ChatPage');
const BookingsPage = page(() => import('./bookings-page.js'), 'BookingsPage');
const MessagesPage = page(() => import('./messages-page.js'), 'MessagesPage');
const SelfHelpPage = page(() => import('./self-help-page.js'), 'SelfHelpPage');
const ArticlePage = page(() => import('./article-page.js'), 'ArticlePage');
const JournalPage = page(() => import('./journal-page.js'), 'JournalPage');
const MoodPage = page(() => import('./mood-page.js'), 'MoodPage');
const GoalsPage = page(() => import('./goals-page.js'), 'GoalsPage');
const CounsellorQueuePage = page(() => import('./counsellor-queue-page.js'), 'CounsellorQueuePage');
const CounsellorChatPage = page(() => import('./counsellor-chat-page.js'), 'CounsellorChatPage');
const DutyBoardPage = page(() => import('./duty-board-page.js'), 'DutyBoardPage');
const RiskPhrasesPage = page(() => import('./risk-phrases-page.js'), 'RiskPhrasesPage');
const OnlineInboxPage = page(() => import('./online-inbox-page.js'), 'OnlineInboxPage');
const YoungPersonPage = page(() => import('./young-person-page.js'), 'YoungPersonPage');
const ArticlesAdminPage = page(() => import('./articles-admin-page.js'), 'ArticlesAdminPage');
const ArticleEditPage = page(() => import('./article-edit-page.js'), 'ArticleEditPage');
const OnlineSettingsPage = page(() => import('./online-settings-page.js'), 'OnlineSettingsPage');
const UsagePage = page(() => import('./usage-page.js'), 'UsagePage');

/** Online support pages, drawn inside the app's <Routes>. */
export const onlineRoutes = (
  <Fragment>
    <Route path={webPaths.onlineHome} element={<OnlineHomePage />} />
    <Route path={webPaths.onlineSignUp} element={<OnlineSignUpPage />} />
    <Route path={webPaths.onlineSignIn} element={<OnlineSignInPage />} />
    <Route path={webPaths.onlineForgotPassword} element={<OnlineForgotPasswordPage />} />
    <Route path={webPaths.onlineNewPassword} element={<OnlineNewPasswordPage />} />
    <Route path={webPaths.onlineSpace} element={<MySpacePage />} />
    <Route path={webPaths.onlineOtherSupport} element={<OtherSupportPage />} />
    <Route path={webPaths.onlineChat} element={<ChatPage />} />
    <Route path={webPaths.onlineBookings} element={<BookingsPage />} />
    <Route path={webPaths.onlineMessages} element={<MessagesPage />} />
    <Route path={webPaths.selfHelp} element={<SelfHelpPage />} />
    <Route path={webPaths.selfHelpArticle} element={<ArticlePage />} />
    <Route path={webPaths.journal} element={<JournalPage />} />
    <Route path={webPaths.mood} element={<MoodPage />} />
    <Route path={webPaths.onlineGoals} element={<GoalsPage />} />
    <Route path={webPaths.counsellorQueue} element={<CounsellorQueuePage />} />
    <Route path={webPaths.counsellorChat} element={<CounsellorChatPage />} />
    <Route path={webPaths.dutyBoard} element={<DutyBoardPage />} />
    <Route path={webPaths.riskPhrases} element={<RiskPhrasesPage />} />
    <Route path={webPaths.onlineInbox} element={<OnlineInboxPage />} />
    <Route path={webPaths.onlineYoungPerson} element={<YoungPersonPage />} />
    <Route path={webPaths.onlineArticles} element={<ArticlesAdminPage />} />
    <Route path={webPaths.onlineArticle} element={<ArticleEditPage />} />
    <Route path={webPaths.onlineSettings} element={<OnlineSettingsPage />} />
    <Route path={webPaths.onlineUsage} element={<UsagePage />} />
  </Fragment>
);
