import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function QuestionnairesPage() {
  return (
    <>
      <PageTitle title="Questionnaires" />
      <h1>Questionnaires</h1>
    </>
  );
}
