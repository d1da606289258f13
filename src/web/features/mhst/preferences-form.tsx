import { type FormEvent, useState } from 'react';
import type { Preferences } from '../../../contracts/mhst.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { checkPreferences, problemLines } from './mhst-forms.js';

const genders = [
  { value: '', label: 'No preference' },
  { value: 'female', label: 'A woman' },
  { value: 'male', label: 'A man' },
];

/** The young person's wishes about who works with them; the suggestions take them into account. */
export function PreferencesForm({
  teamId,
  referralId,
  preferences,
  onSaved,
}: {
  teamId: string;
  referralId: string;
  preferences: Preferences;
  onSaved: (text: string) => void;
}) {
  const [gender, setGender] = useState(preferences.practitionerGender ?? '');
  const [language, setLanguage] = useState(preferences.language ?? '');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkPreferences(gender, language);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      await sendJson<Preferences>(
        'PUT',
        `/api/mhst/teams/${encodeURIComponent(teamId)}/referrals/${encodeURIComponent(referralId)}/preferences`,
        checked.body,
      );
      clear();
      onSaved('The young person’s preferences were saved. The suggestions below take them into account.');
    } catch (error) {
      show(
        problemLines(error, 'language', (name) =>
          name === 'practitionerGender' ? 'pref-gender' : 'pref-language',
        ),
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">The young person’s preferences</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} ref={summaryRef} />
        <RadiosField
          id="pref-gender"
          legend="Would they like to see a woman or a man?"
          error={errorFor('pref-gender')}
          options={genders}
          value={gender}
          onChange={setGender}
        />
        <TextField
          id="pref-language"
          label="Language they would like to speak (optional)"
          hint="Leave empty if English is fine."
          width={20}
          autoComplete="off"
          error={errorFor('pref-language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {isSending ? 'Saving…' : 'Save preferences'}
        </button>
      </form>
    </section>
  );
}
