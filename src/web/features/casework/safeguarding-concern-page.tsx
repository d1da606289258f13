import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function SafeguardingConcernPage() {
  return (
    <>
      <PageTitle title="Safeguarding concern" />
      <h1>Safeguarding concern</h1>
    </>
  );
}
