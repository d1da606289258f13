import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function RaiseConcernPage() {
  return (
    <>
      <PageTitle title="Raise a safeguarding concern" />
      <h1>Raise a safeguarding concern</h1>
    </>
  );
}
