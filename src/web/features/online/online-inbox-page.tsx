import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built (issue 7). */
export function OnlineInboxPage() {
  return <PageTitle title="Messages from young people" />;
}
