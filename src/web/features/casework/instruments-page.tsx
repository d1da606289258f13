import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function InstrumentsPage() {
  return (
    <>
      <PageTitle title="Licensed questionnaires" />
      <h1>Licensed questionnaires</h1>
    </>
  );
}
