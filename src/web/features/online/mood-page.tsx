import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type MoodEntry, type MoodHistory, moodLabels } from '../../../contracts/self-help.js';
import { getJson } from '../../api.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { useNotice } from '../../components/notice.js';
import { LoadError } from '../triage/staff-access.js';
import { MoodChart, MoodTable } from './mood-chart.js';
import { errorsFrom, selfHelpPaths, youngPersonCreate } from './self-help-api.js';
import { SignInToUse, YoungPersonFrame } from './young-person-frame.js';
import { useYoungPersonQuery } from './young-person-session.js';

const options = ([5, 4, 3, 2, 1] as const).map((n) => ({ value: String(n), label: moodLabels[n] }));
const words = { mood: 'Choose how you feel today', note: 'Your note must be 500 characters or fewer' };

/** The mood tracker: how you feel today, 1 to 5, and the last 30 days as a chart and a table. */
export function MoodPage() {
  const me = useYoungPersonQuery();
  const isSignedIn = Boolean(me.data);
  const client = useQueryClient();
  const history = useQuery({
    queryKey: ['online', 'moods'],
    queryFn: ({ signal }) => getJson<MoodHistory>(selfHelpPaths.moods, signal),
    enabled: isSignedIn,
  });
  const form = useFormErrors();
  const notice = useNotice();
  const [mood, setMood] = useState('');
  const [note, setNote] = useState('');
  const [isSaving, setIsSaving] = useState(false);

  if (me.isPending || !isSignedIn) {
    return (
      <YoungPersonFrame title="How you feel">
        {me.isPending ? (
          <p aria-live="polite">Loading…</p>
        ) : (
          <SignInToUse what="keep track of how you feel" />
        )}
      </YoungPersonFrame>
    );
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!mood) return form.show([{ field: 'mood', message: words.mood }]);
    setIsSaving(true);
    try {
      const saved = await youngPersonCreate<MoodEntry>(selfHelpPaths.moods, {
        mood: Number(mood),
        ...(note.trim() ? { note } : {}),
      });
      setMood('');
      setNote('');
      form.clear();
      await client.invalidateQueries({ queryKey: ['online', 'moods'] });
      notice.announce({ kind: 'saved', body: `Saved. You feel ${saved.label.toLowerCase()} today.` });
    } catch (error) {
      form.show(errorsFrom(error, 'mood', words));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <YoungPersonFrame title="How you feel" hasError={form.errors.length > 0}>
      {notice.element}
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <p>Keeping track of how you feel can help you notice what makes good days and hard days.</p>
      <p>Your counsellors can see your moods, so they can help you better.</p>
      <form onSubmit={save} noValidate>
        <RadiosField
          id="mood"
          legend="How do you feel today?"
          error={form.errorFor('mood')}
          options={options}
          value={mood}
          onChange={setMood}
        />
        <TextField
          id="note"
          label="Want to add a few words about why? (optional)"
          width={20}
          maxLength={500}
          error={form.errorFor('note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button className="nhsuk-button" type="submit" disabled={isSaving}>
          Save my mood
        </button>
      </form>

      <h2>The last 30 days</h2>
      {history.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : history.isError ? (
        <LoadError error={history.error} />
      ) : (
        <>
          <p className="nhsuk-body-l">{history.data.sentence}</p>
          {history.data.entries.length > 0 && (
            <>
              <MoodChart days={history.data.days} sentence={history.data.sentence} />
              <MoodTable days={history.data.days} entries={history.data.entries} />
            </>
          )}
        </>
      )}
    </YoungPersonFrame>
  );
}
