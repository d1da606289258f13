import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built (issue 7). */
export function OtherSupportPage() {
  return <PageTitle title="Other places to get support" />;
}
