import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { JournalEntry, JournalList } from '../../../contracts/self-help.js';
import { getJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { useNotice } from '../../components/notice.js';
import { TextareaField } from '../triage/fields.js';
import { LoadError } from '../triage/staff-access.js';
import { errorsFrom, selfHelpPaths, whenWritten, youngPersonCreate } from './self-help-api.js';
import { SignInToUse, YoungPersonFrame } from './young-person-frame.js';
import { useYoungPersonQuery, youngPersonPost } from './young-person-session.js';

const words = { body: 'Write something in your journal first' };

/** A young person's private journal: write, read back newest first, hide an entry. */
export function JournalPage() {
  const me = useYoungPersonQuery();
  const isSignedIn = Boolean(me.data);
  const client = useQueryClient();
  const entries = useQuery({
    queryKey: ['online', 'journal'],
    queryFn: ({ signal }) => getJson<JournalList>(selfHelpPaths.journal, signal),
    enabled: isSignedIn,
  });
  const form = useFormErrors();
  const notice = useNotice();
  const [body, setBody] = useState('');
  const [isSaving, setIsSaving] = useState(false);

  if (me.isPending) {
    return (
      <YoungPersonFrame title="Your journal">
        <p aria-live="polite">Loading…</p>
      </YoungPersonFrame>
    );
  }
  if (!isSignedIn) {
    return (
      <YoungPersonFrame title="Your journal">
        <SignInToUse what="write in your journal" />
      </YoungPersonFrame>
    );
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!body.trim()) return form.show([{ field: 'body', message: words.body }]);
    setIsSaving(true);
    try {
      await youngPersonCreate<JournalEntry>(selfHelpPaths.journal, { body });
      setBody('');
      form.clear();
      await client.invalidateQueries({ queryKey: ['online', 'journal'] });
      notice.announce({ kind: 'saved', body: 'Saved in your journal.' });
    } catch (error) {
      form.show(errorsFrom(error, 'body', words));
    } finally {
      setIsSaving(false);
    }
  }

  async function hide(entry: JournalEntry) {
    try {
      await youngPersonPost(selfHelpPaths.hide(entry.id));
      await client.invalidateQueries({ queryKey: ['online', 'journal'] });
      notice.announce({ kind: 'saved', body: 'That entry is hidden.' });
    } catch {
      notice.announce({ kind: 'info', body: 'We could not hide that entry. Try again.' });
    }
  }

  return (
    <YoungPersonFrame title="Your journal" hasError={form.errors.length > 0}>
      {notice.element}
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <p>Your journal is just for you. Nobody else can read it, not even your counsellor.</p>
      <p>
        If you write something worrying here, nobody will see it. If you need help, chat to a counsellor or
        use the numbers at the bottom of this page.
      </p>
      <form onSubmit={save} noValidate>
        <TextareaField
          id="body"
          label="What is on your mind?"
          hint="Write as much or as little as you like."
          error={form.errorFor('body')}
          value={body}
          maxLength={5000}
          onChange={setBody}
        />
        <button className="nhsuk-button" type="submit" disabled={isSaving}>
          Save in my journal
        </button>
      </form>

      <h2>What you have written</h2>
      {entries.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : entries.isError ? (
        <LoadError error={entries.error} />
      ) : entries.data.items.length === 0 ? (
        <p>You have not written anything yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {entries.data.items.map((entry) => (
            <li key={entry.id}>
              <article className="nhsuk-card" aria-labelledby={`entry-${entry.id}`}>
                <div className="nhsuk-card__content">
                  <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`entry-${entry.id}`}>
                    {whenWritten(entry.writtenAt)}
                  </h3>
                  {entry.body.split(/\n+/).map((line, n) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an entry's lines never change
                    <p key={n}>{line}</p>
                  ))}
                  <button
                    className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    type="button"
                    onClick={() => hide(entry)}
                  >
                    Hide this entry
                    <span className="nhsuk-u-visually-hidden"> from {whenWritten(entry.writtenAt)}</span>
                  </button>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <p className="nhsuk-body-s">Hidden entries are kept safely but no longer shown here.</p>
    </YoungPersonFrame>
  );
}
