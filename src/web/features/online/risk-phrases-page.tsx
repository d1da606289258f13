import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { RiskPhraseOut } from '../../../contracts/online-risk.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { riskCategories } from '../../../domain/online/risk-phrases.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { useIdempotentSend } from '../casework/episode-queries.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { categoryWords, formatLondonTime, riskPaths, riskProblems, useRiskPhrases } from './risk-view.js';

/**
 * The risk phrase list the duty seniors keep: every chat and message is checked for these, whole
 * words, any case or punctuation. A retired phrase is no longer matched and stays listed.
 */
export function RiskPhrasesPage() {
  const { allowed, gate } = useStaffAccess('online:duty', 'keep the risk phrase list');
  const phrases = useRiskPhrases(allowed);
  const client = useQueryClient();
  const notice = useNotice();
  if (gate) return gate;
  const saved = (body: string) => {
    void client.invalidateQueries({ queryKey: ['online', 'risk-phrases'] });
    notice.announce({ kind: 'saved', body });
  };

  return (
    <>
      <PageTitle title="Risk phrases" />
      <BackLink to={webPaths.dutyBoard}>Duty board</BackLink>
      {notice.element}
      <h1>Risk phrases</h1>
      <p>
        Every chat and message is checked for these phrases. A match is highlighted to the counsellor and goes
        on the duty board. Matching ignores capital letters and punctuation, and only matches whole words.
      </p>
      <AddPhraseForm onSaved={saved} />
      {phrases.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : phrases.isError ? (
        <LoadError error={phrases.error} />
      ) : (
        <ResponsiveTable
          caption="The risk phrase list"
          headings={['Phrase', 'Kind of risk', 'Status', 'Action']}
        >
          {phrases.data.items.map((phrase) => (
            <PhraseRow key={phrase.id} phrase={phrase} onSaved={saved} />
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}

function PhraseRow({ phrase, onSaved }: { phrase: RiskPhraseOut; onSaved: (body: string) => void }) {
  const [problem, setProblem] = useState('');
  async function retire() {
    try {
      await sendJson('POST', riskPaths.retirePhrase(phrase.id));
      onSaved(`“${phrase.phrase}” retired. It is no longer matched.`);
    } catch (error) {
      setProblem(riskProblems(error, 'phrase', '')[0]?.message ?? 'Something went wrong.');
    }
  }
  return (
    <tr className="nhsuk-table__row">
      <Cell heading="Phrase">{phrase.phrase}</Cell>
      <Cell heading="Kind of risk">{categoryWords[phrase.category] ?? phrase.category}</Cell>
      <Cell heading="Status">
        {phrase.retiredAt ? `Retired ${formatLondonTime(phrase.retiredAt)}` : 'In use'}
      </Cell>
      <Cell heading="Action">
        {!phrase.retiredAt && (
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            type="button"
            onClick={retire}
          >
            Retire<span className="nhsuk-u-visually-hidden"> “{phrase.phrase}”</span>
          </button>
        )}
        {problem && (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </p>
        )}
      </Cell>
    </tr>
  );
}

function AddPhraseForm({ onSaved }: { onSaved: (body: string) => void }) {
  const [phrase, setPhrase] = useState('');
  const [category, setCategory] = useState('');
  const [isSending, setSending] = useState(false);
  const form = useFormErrors();
  const send = useIdempotentSend();
  const prefix = 'add-';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    setSending(true);
    try {
      const added = await send<RiskPhraseOut>(riskPaths.phrases, { phrase, category });
      form.clear();
      setPhrase('');
      setCategory('');
      onSaved(`“${added.phrase}” added to the list.`);
    } catch (error) {
      form.show(riskProblems(error, 'phrase', prefix));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-phrase-heading">
      <h2 id="add-phrase-heading">Add a phrase</h2>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <TextField
        id={`${prefix}phrase`}
        label="Phrase"
        hint="A few words, as a young person might write them. For example: nobody would miss me"
        width={20}
        error={form.errorFor(`${prefix}phrase`)}
        value={phrase}
        onChange={(e) => setPhrase(e.target.value)}
      />
      <SelectField
        id={`${prefix}category`}
        label="Kind of risk"
        error={form.errorFor(`${prefix}category`)}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
      >
        <option value="">Choose</option>
        {riskCategories.map((c) => (
          <option key={c} value={c}>
            {categoryWords[c]}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button" type="submit" disabled={isSending}>
        Add phrase
      </button>
    </form>
  );
}
