import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function SubjectAccessPage() {
  return (
    <>
      <PageTitle title="Subject access requests" />
      <h1>Subject access requests</h1>
    </>
  );
}
