import { useState } from 'react';
import {
  type ArticleTopic,
  articleTopicNames,
  articleTopics,
  type StaffArticle,
} from '../../../contracts/self-help.js';
import { ApiError, sendJson } from '../../api.js';
import { ErrorSummary, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { createJson, errorsFrom, selfHelpPaths } from './self-help-api.js';

// The article editor: title, summary, topic and body (plain paragraphs separated by a blank line).
// A new article is created; a draft is changed with If-Match, and a stale change says so.

const words = {
  title: 'Title must be 3 to 120 characters, in plain words',
  summary: 'Summary must be 10 to 300 characters, in plain words',
  topic: 'Choose a topic',
  body: 'Article must be at least 20 characters of plain words, without HTML',
};

export function ArticleForm({
  article,
  onSaved,
  onStale,
}: {
  article: StaffArticle | null;
  onSaved: (saved: StaffArticle) => void;
  onStale: () => void;
}) {
  const form = useFormErrors();
  const [title, setTitle] = useState(article?.title ?? '');
  const [summary, setSummary] = useState(article?.summary ?? '');
  const [topic, setTopic] = useState<string>(article?.topic ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [isSaving, setIsSaving] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const missing = [
      title.trim().length < 3 && { field: 'title', message: words.title },
      summary.trim().length < 10 && { field: 'summary', message: words.summary },
      !topic && { field: 'topic', message: words.topic },
      body.trim().length < 20 && { field: 'body', message: words.body },
    ].filter((e): e is { field: string; message: string } => Boolean(e));
    if (missing.length > 0) return form.show(missing);
    setIsSaving(true);
    const input = { title, summary, topic: topic as ArticleTopic, body };
    try {
      const saved = article
        ? await sendJson<StaffArticle>('PUT', selfHelpPaths.draft(article.id), input, {
            'if-match': `"${article.version}"`,
          })
        : await createJson<StaffArticle>(selfHelpPaths.drafts, input);
      form.clear();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 412) onStale();
      else form.show(errorsFrom(error, 'title', words));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <TextField
        id="title"
        label="Title"
        width={20}
        maxLength={120}
        error={form.errorFor('title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextareaField
        id="summary"
        label="Summary"
        hint="One or two sentences, shown in the list of articles."
        rows={2}
        maxLength={300}
        error={form.errorFor('summary')}
        value={summary}
        onChange={setSummary}
      />
      <SelectField
        id="topic"
        label="Topic"
        error={form.errorFor('topic')}
        value={topic}
        onChange={(e) => setTopic(e.target.value)}
      >
        <option value="">Choose a topic</option>
        {articleTopics.map((t) => (
          <option key={t} value={t}>
            {articleTopicNames[t]}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id="body"
        label="Article"
        hint="Plain words for 11 to 19 year olds: short sentences, no jargon, no HTML. Leave a blank line between paragraphs."
        rows={14}
        maxLength={20000}
        error={form.errorFor('body')}
        value={body}
        onChange={setBody}
      />
      <button className="nhsuk-button" type="submit" disabled={isSaving}>
        {article ? 'Save changes' : 'Save draft'}
      </button>
    </form>
  );
}
