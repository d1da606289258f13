import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built (issue 7). */
export function DutyBoardPage() {
  return <PageTitle title="Duty senior's board" />;
}
