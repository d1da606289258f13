import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function GroupTherapyPage() {
  return (
    <>
      <PageTitle title="Group therapy sessions" />
      <h1>Group therapy sessions</h1>
    </>
  );
}
