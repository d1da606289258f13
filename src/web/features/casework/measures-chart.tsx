import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { MeasureSeriesOut } from '../../../contracts/measures.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { formatDate } from '../triage/triage-view.js';
import { changeTag, respondentWords } from './measures-view.js';
import './measures.css';

/**
 * One instrument's scores over sessions for one respondent (DESIGN.md: charts are accessible SVG
 * with a headline sentence and a table alternative). The chart is an image with the headline as its
 * label; the table below holds every figure, so nothing is only in the picture.
 */
export function MeasureChart({ series }: { series: MeasureSeriesOut }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const chart = plotOf(series, Math.min(640, Math.max(280, target.clientWidth || 320)));
    // The Content-Security-Policy refuses inline style sheets: drop Plot's before it reaches the page.
    for (const sheet of chart.querySelectorAll('style')) sheet.remove();
    // Inside an image its parts are not read out, so Plot's labels on them are not allowed (axe).
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `Chart: ${series.headline}`);
    target.replaceChildren(chart);
    return () => target.replaceChildren();
  }, [series]);
  return <div ref={box} className="lantern-measure-chart" />;
}

function plotOf(series: MeasureSeriesOut, width: number): SVGSVGElement | HTMLElement {
  const isGoals = series.kind === 'goals';
  const range = series.range ?? { min: 0, max: Math.max(10, ...series.points.map((p) => p.total ?? 0)) };
  const points = series.points
    .filter((p) => p.total !== null)
    .map((p) => ({ at: new Date(p.completedAt), total: p.total as number }));
  const goals = series.goals.flatMap((g, i) =>
    g.points.map((p) => ({ at: new Date(p.completedAt), total: p.rating, goal: `Goal ${i + 1}` })),
  );
  const bands = series.bands.filter((b) => b.min > range.min);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 40,
    marginRight: 16,
    style: { fontSize: '14px', color: '#212b32', background: 'transparent' },
    x: { type: 'time', label: null, ticks: 4 },
    y: { domain: [range.min, range.max], label: isGoals ? 'Rating' : 'Score', grid: false },
    color: isGoals ? { legend: false } : undefined,
    marks: [
      Plot.ruleY(
        bands.map((b) => b.min),
        { stroke: '#aeb7bd', strokeDasharray: '4 3' },
      ),
      Plot.text(bands, { y: 'min', text: 'label', frameAnchor: 'left', dy: -6, fill: '#4c6272' }),
      isGoals
        ? Plot.line(goals, { x: 'at', y: 'total', stroke: 'goal', strokeWidth: 2, marker: 'circle' })
        : Plot.line(points, { x: 'at', y: 'total', stroke: '#005eb8', strokeWidth: 3, marker: 'circle' }),
    ],
  });
}

/** The same figures as the chart, as a table: date, score, band, how it was answered. */
export function MeasureTable({ series }: { series: MeasureSeriesOut }) {
  const who = respondentWords[series.respondent] ?? series.respondent;
  if (series.kind === 'goals') {
    return (
      <ResponsiveTable
        caption={`${series.shortName} (${who}): ratings by goal`}
        headings={['Goal', 'Ratings', 'Change']}
      >
        {series.goals.map((goal, i) => (
          <tr className="nhsuk-table__row" key={goal.goalId}>
            <Cell heading="Goal">
              Goal {i + 1}: {goal.text}
            </Cell>
            <Cell heading="Ratings">
              {goal.points.map((p) => `${formatDate(p.completedAt)}: ${p.rating}`).join('; ')}
            </Cell>
            <Cell heading="Change">
              {goal.change === null ? 'Rated once' : `${goal.change > 0 ? '+' : ''}${goal.change}`}
            </Cell>
          </tr>
        ))}
      </ResponsiveTable>
    );
  }
  return (
    <ResponsiveTable
      caption={`${series.shortName} (${who}): scores, oldest first`}
      headings={['Date', 'Score', 'Band', 'Answered']}
    >
      {series.points.map((point) => (
        <tr className="nhsuk-table__row" key={point.id}>
          <Cell heading="Date">{formatDate(point.completedAt)}</Cell>
          <Cell heading="Score">{point.total ?? 'Not scored'}</Cell>
          <Cell heading="Band">{point.band ?? 'None'}</Cell>
          <Cell heading="Answered">{point.via === 'link' ? 'By link' : 'In a session'}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** One measure: the headline sentence, its change in a tag, the chart and the table. */
export function MeasureSection({ series, index }: { series: MeasureSeriesOut; index: number }) {
  const id = `measure-${index}`;
  return (
    <section aria-labelledby={id} className="nhsuk-u-margin-bottom-7">
      <h3 id={id}>{series.headline}</h3>
      {series.reliableChangeText && (
        <p>
          <strong className={`nhsuk-tag ${changeTag(series.reliableChange)}`}>
            {series.reliableChangeText}
          </strong>
        </p>
      )}
      <MeasureChart series={series} />
      <MeasureTable series={series} />
    </section>
  );
}
