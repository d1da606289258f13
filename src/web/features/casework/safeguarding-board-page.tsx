import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function SafeguardingBoardPage() {
  return (
    <>
      <PageTitle title="Safeguarding concerns" />
      <h1>Safeguarding concerns</h1>
    </>
  );
}
