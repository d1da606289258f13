import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function EpisodePage() {
  return (
    <>
      <PageTitle title="Episode of care" />
      <h1>Episode of care</h1>
    </>
  );
}
