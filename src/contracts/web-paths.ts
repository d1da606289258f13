/**
 * The web app's pages. The server uses this list to answer 404 for any other address; the React
 * router uses it to draw each page. Kept free of React so the server can import it.
 */
export const webPaths = {
  home: '/',
  findSupport: '/find-support',
  findSupportResults: '/find-support/results',
  service: '/find-support/services/:slug',
  helpNow: '/help-now',
  accessibility: '/accessibility',
  signIn: '/staff/sign-in',
  secondFactor: '/staff/sign-in/code',
  newPassword: '/staff/sign-in/new-password',
  enrolSecondFactor: '/staff/sign-in/set-up-app',
  staffHome: '/staff',
  adminUsers: '/staff/admin/users',
  accessLog: '/staff/admin/access-log',
  adminNewUser: '/staff/admin/users/new',
  adminUser: '/staff/admin/users/:userId',
  adminTeams: '/staff/admin/teams',
  referStart: '/refer',
  referStep: '/refer/:kind/:step',
  thresholds: '/thresholds',
  staffReferStart: '/staff/refer',
  staffReferStep: '/staff/refer/:draftId/:step',
  staffReferSent: '/staff/refer/sent',
  myReferrals: '/staff/my-referrals',
  triageQueue: '/staff/triage',
  triageReferral: '/staff/triage/:referralId',
  mdtMeetings: '/staff/mdt',
  mdtMeeting: '/staff/mdt/:meetingId',
  outbox: '/staff/dev/outbox',
  waitingList: '/staff/mhst/:teamId',
  mhstTeams: '/staff/mhst',
  allocateReferral: '/staff/mhst/:teamId/referrals/:referralId',
  teamForecast: '/staff/mhst/:teamId/forecast',
  teamCapacity: '/staff/mhst/:teamId/capacity',
  caseload: '/staff/caseload',
  caseloadReferral: '/staff/caseload/:referralId',
  schools: '/staff/schools',
  schoolDashboard: '/staff/schools/:urn',
  wholeSchool: '/staff/schools/:urn/whole-school',
  schoolSurveys: '/staff/schools/:urn/surveys',
  consultationLine: '/staff/consultation-line',
  staffSurvey: '/survey/:secret',
  episode: '/staff/caseload/:referralId/episode',
  closeEpisode: '/staff/caseload/:referralId/close',
  caseNotes: '/staff/caseload/:referralId/notes',
  caseQuestionnaires: '/staff/caseload/:referralId/questionnaires',
  raiseConcern: '/staff/caseload/:referralId/safeguarding',
  groupTherapy: '/staff/group-therapy',
  supervision: '/staff/supervision',
  safeguardingBoard: '/staff/safeguarding',
  safeguardingConcern: '/staff/safeguarding/:concernId',
  instruments: '/staff/instruments',
  subjectAccess: '/staff/subject-access',
  answerQuestionnaire: '/questionnaire/:secret',
  onlineHome: '/online',
  onlineSignUp: '/online/sign-up',
  onlineSignIn: '/online/sign-in',
  onlineSpace: '/online/my-space',
  onlineOtherSupport: '/online/other-support',
  onlineForgotPassword: '/online/forgot-password',
  onlineNewPassword: '/online/new-password',
  onlineChat: '/online/chat',
  onlineBookings: '/online/bookings',
  onlineMessages: '/online/messages',
  selfHelp: '/online/self-help',
  selfHelpArticle: '/online/self-help/:slug',
  journal: '/online/journal',
  mood: '/online/mood',
  onlineGoals: '/online/goals',
  counsellorQueue: '/staff/online',
  counsellorChat: '/staff/online/chats/:chatId',
  dutyBoard: '/staff/online/duty',
  riskPhrases: '/staff/online/risk-phrases',
  onlineInbox: '/staff/online/messages',
  onlineYoungPerson: '/staff/online/young-people/:accountId',
  onlineArticles: '/staff/online/articles',
  onlineArticle: '/staff/online/articles/:articleId',
  onlineSettings: '/staff/online/settings',
  onlineUsage: '/staff/online/usage',
  reports: '/reports',
  boardReport: '/reports/board',
  mhsdsExport: '/reports/mhsds-export',
} as const;

const patterns = Object.values(webPaths).map(
  (path) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[A-Za-z0-9_-]+')}/?$`),
);

export function isWebPath(pathname: string): boolean {
  return patterns.some((pattern) => pattern.test(pathname));
}

export function servicePath(slug: string): string {
  return webPaths.service.replace(':slug', slug);
}

export function adminUserPath(userId: string): string {
  return webPaths.adminUser.replace(':userId', userId);
}
