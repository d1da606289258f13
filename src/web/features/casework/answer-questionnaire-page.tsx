import { PageTitle } from '../../components/layout.js';

/** Placeholder until this page is built. */
export function AnswerQuestionnairePage() {
  return (
    <>
      <PageTitle title="Questionnaire" />
      <h1>Questionnaire</h1>
    </>
  );
}
