import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built (issue 7). */
export function ChatPage() {
  return <PageTitle title="Chat to a counsellor" />;
}
