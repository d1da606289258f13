import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built (issue 7). */
export function OnlineHomePage() {
  return <PageTitle title="Lantern Online: talk to someone" />;
}
