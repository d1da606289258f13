import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';

const parts = [
  {
    path: webPaths.episode,
    text: 'Assessment, risk, care plan and intervention',
    permission: 'caseload:read',
  },
  { path: webPaths.caseNotes, text: 'Contact notes', permission: 'caseload:read' },
  { path: webPaths.caseQuestionnaires, text: 'Questionnaires and progress', permission: 'caseload:read' },
  { path: webPaths.raiseConcern, text: 'Raise a safeguarding concern', permission: 'safeguarding:raise' },
  { path: webPaths.closeEpisode, text: 'Step up, step down or discharge', permission: 'episode:record' },
] as const;

/** The parts of one young person's case record, each on its own page so it reads well on a phone. */
export function CaseRecordLinks({
  referralId,
  permissions,
}: {
  referralId: string;
  permissions: readonly string[];
}) {
  const shown = parts.filter((part) => permissions.includes(part.permission));
  return (
    <nav aria-labelledby="case-record-heading">
      <h2 id="case-record-heading">Case record</h2>
      <ul>
        {shown.map((part) => (
          <li key={part.path}>
            <Link to={part.path.replace(':referralId', referralId)}>{part.text}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
