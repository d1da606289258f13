import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function SupervisionPage() {
  return (
    <>
      <PageTitle title="Supervision" />
      <h1>Supervision</h1>
    </>
  );
}
