import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function CloseEpisodePage() {
  return (
    <>
      <PageTitle title="Step up, step down or discharge" />
      <h1>Step up, step down or discharge</h1>
    </>
  );
}
