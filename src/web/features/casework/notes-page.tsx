import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function NotesPage() {
  return (
    <>
      <PageTitle title="Contact notes" />
      <h1>Contact notes</h1>
    </>
  );
}
