import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { type MoodDay, type MoodEntry, moodLabels } from '../../../contracts/self-help.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { dayAndMonth } from './self-help-api.js';

// The last 30 days of moods as an accessible SVG (DESIGN.md): an image labelled with the plain
// sentence, and a table below with every day that has a mood, so nothing is only in the picture.

export function MoodChart({ days, sentence }: { days: readonly MoodDay[]; sentence: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const chart = moodPlot(days, Math.min(640, Math.max(280, target.clientWidth || 320)));
    // The Content-Security-Policy refuses inline style sheets: drop Plot's before it reaches the page.
    for (const sheet of chart.querySelectorAll('style')) sheet.remove();
    // Inside an image its parts are not read out, so labels on them are not allowed (axe).
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `Chart of your mood over the last 30 days. ${sentence}`);
    target.replaceChildren(chart);
    return () => target.replaceChildren();
  }, [days, sentence]);
  return <div ref={box} />;
}

function moodPlot(days: readonly MoodDay[], width: number) {
  const points = days
    .filter((d) => d.mood !== null)
    .map((d) => ({ at: new Date(`${d.day}T12:00:00Z`), mood: d.mood as number }));
  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 72,
    marginRight: 16,
    style: { fontSize: '14px', color: '#212b32', background: 'transparent' },
    x: {
      type: 'time',
      label: null,
      ticks: 4,
      domain: [new Date(`${first}T00:00:00Z`), new Date(`${last}T23:59:59Z`)],
    },
    y: {
      domain: [1, 5],
      ticks: [1, 2, 3, 4, 5],
      tickFormat: (n: number) => moodLabels[n as keyof typeof moodLabels] ?? '',
      label: null,
      grid: true,
    },
    marks: [
      Plot.line(points, { x: 'at', y: 'mood', stroke: '#005eb8', strokeWidth: 2 }),
      Plot.dot(points, { x: 'at', y: 'mood', fill: '#005eb8', r: 4 }),
    ],
  });
}

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The same moods as a table: only the days with one, newest first, with that day's note. */
export function MoodTable({ days, entries }: { days: readonly MoodDay[]; entries: readonly MoodEntry[] }) {
  const recorded = days.filter((d) => d.mood !== null).reverse();
  if (recorded.length === 0) return null;
  // Entries come newest first: the first one of a day is the mood the day shows.
  const noteOf = (day: string) =>
    entries.find((e) => londonDay.format(new Date(e.recordedAt)) === day)?.note ?? '';
  return (
    <ResponsiveTable
      caption="How you felt each day, newest first"
      headings={['Day', 'How you felt', 'Your note']}
    >
      {recorded.map((d) => (
        <tr className="nhsuk-table__row" key={d.day}>
          <Cell heading="Day">{dayAndMonth(`${d.day}T12:00:00Z`)}</Cell>
          <Cell heading="How you felt">{d.label}</Cell>
          <Cell heading="Your note">{noteOf(d.day)}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
