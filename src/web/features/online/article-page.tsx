import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built (issue 7). */
export function ArticlePage() {
  return <PageTitle title="Self-help" />;
}
