import { type FormEvent, useState } from 'react';
import { useFormErrors } from '../../components/form.js';
import type { Checked } from './schools-forms.js';
import { useCreate } from './schools-queries.js';
import { problemLines } from './schools-view.js';

/**
 * A form that records one new thing with a POST: its answers, its errors (field ids start with
 * `prefix`, so several forms can share a page), and a submit that checks, sends with an
 * Idempotency-Key, then empties the form and reports what was recorded.
 */
export function useRecordForm<F, B, R>(options: {
  /** The form's starting answers, worked out afresh each time it empties (times default to now). */
  empty: () => F;
  prefix: string;
  /** The fields the form shows; the API's errors about any other point at `fallbackField`. */
  fields: readonly string[];
  fallbackField: string;
  check: (form: F, prefix: string) => Checked<B>;
  path: string;
  onRecorded: (body: B, answer: R) => void;
}) {
  const [form, setForm] = useState<F>(options.empty);
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const create = useCreate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = options.check(form, options.prefix);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    setSending(true);
    try {
      const answer = await create<R>(options.path, checked.body);
      clear();
      setForm(options.empty());
      options.onRecorded(checked.body, answer);
    } catch (error) {
      show(problemLines(error, options.fallbackField, options.prefix, options.fields));
    } finally {
      setSending(false);
    }
  }

  return {
    form,
    set: (patch: Partial<F>) => setForm((current) => ({ ...current, ...patch })),
    err: (field: string) => errorFor(options.prefix + field),
    errors,
    summaryRef,
    submit,
    isSending,
  };
}
