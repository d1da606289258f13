import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef } from 'react';
import type { KpiResult, ReportFigure } from '../../../contracts/reporting.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { breakdownSummary, dimensionLabels, figureText, isDrawable, seriesSummary } from './report-view.js';
import './reporting.css';

interface Row {
  key: string;
  label: string;
  value: ReportFigure;
}

const shortLabel = (label: string) => (label.length > 26 ? `${label.slice(0, 25)}…` : label);

/**
 * Figures as a horizontal bar chart: an accessible SVG image labelled with its one-sentence summary
 * (DESIGN.md). Suppressed figures are not drawn; the table beside every chart holds each figure,
 * "*" included, so nothing is only in the picture.
 */
export function FigureChart({ rows, summary }: { rows: readonly Row[]; summary: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const points = rows
      .filter((row) => isDrawable(row.value))
      .map((row) => ({
        label: shortLabel(row.label),
        value: row.value.value as number,
        display: row.value.display,
      }));
    if (points.length === 0) {
      target.replaceChildren();
      return;
    }
    const width = Math.min(640, Math.max(280, target.clientWidth || 320));
    const longest = Math.max(...points.map((p) => p.label.length));
    const chart = Plot.plot({
      width,
      height: 40 + points.length * 30,
      marginLeft: Math.min(190, 16 + longest * 7),
      marginRight: 56,
      style: { fontSize: '14px', color: '#212b32', background: 'transparent' },
      x: { label: null, grid: true, nice: true },
      y: { label: null, domain: points.map((p) => p.label) },
      marks: [
        Plot.barX(points, { y: 'label', x: 'value', fill: '#005eb8' }),
        Plot.text(points, {
          y: 'label',
          x: 'value',
          text: 'display',
          dx: 6,
          textAnchor: 'start',
          fill: '#212b32',
        }),
        Plot.ruleX([0]),
      ],
    });
    // The Content-Security-Policy refuses inline style sheets: drop Plot's before it reaches the page.
    for (const sheet of chart.querySelectorAll('style')) sheet.remove();
    // Inside an image its parts are not read out, so Plot's labels on them are not allowed (axe).
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `Chart: ${summary}`);
    target.replaceChildren(chart);
    return () => target.replaceChildren();
  }, [rows, summary]);
  return <div ref={box} className="lantern-report-chart" />;
}

function FigureTable({ caption, heading, rows }: { caption: string; heading: string; rows: readonly Row[] }) {
  return (
    <ResponsiveTable caption={caption} headings={[heading, 'Figure']}>
      {rows.map((row) => (
        <tr className="nhsuk-table__row" key={row.key}>
          <Cell heading={heading}>{row.label}</Cell>
          <Cell heading="Figure">{figureText(row.value)}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

/** The table alternative: open on the page (board report, printing) or in a details (dashboard). */
function Alternative({
  isOpen,
  what,
  children,
}: {
  isOpen: boolean;
  what: string;
  children: React.ReactNode;
}) {
  if (isOpen) return <>{children}</>;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{what} as a table</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}

const hasHidden = (rows: readonly Row[]) => rows.some((row) => row.value.kind === 'suppressed');

/** The figure over recent periods: summary sentence, chart, table. */
export function SeriesFigure({ kpi, isTableOpen }: { kpi: KpiResult; isTableOpen: boolean }) {
  const rows = useMemo(
    () => kpi.series.map((point) => ({ key: point.start, label: point.label, value: point.value })),
    [kpi],
  );
  if (rows.length === 0) return null;
  const summary = seriesSummary(kpi);
  return (
    <figure className="lantern-report-figure">
      <figcaption className="nhsuk-body-s">{summary}</figcaption>
      <FigureChart rows={rows} summary={summary} />
      {hasHidden(rows) && <SuppressedNote />}
      <Alternative isOpen={isTableOpen} what="Recent periods">
        <FigureTable caption={`${kpi.title}: recent periods, oldest first`} heading="Period" rows={rows} />
      </Alternative>
    </figure>
  );
}

/** The figure broken down by one dimension: summary sentence, chart, table. */
export function BreakdownFigure({ kpi, isTableOpen }: { kpi: KpiResult; isTableOpen: boolean }) {
  if (!kpi.breakdown || kpi.breakdown.rows.length === 0) return null;
  const by = dimensionLabels[kpi.breakdown.dimension];
  const summary = breakdownSummary(kpi);
  const rows = kpi.breakdown.rows;
  return (
    <figure className="lantern-report-figure">
      <figcaption className="nhsuk-body-s">{summary}</figcaption>
      <FigureChart rows={rows} summary={summary} />
      {hasHidden(rows) && <SuppressedNote />}
      <Alternative isOpen={isTableOpen} what={`By ${by.toLowerCase()}`}>
        <FigureTable caption={`${kpi.title} by ${by.toLowerCase()}`} heading={by} rows={rows} />
      </Alternative>
    </figure>
  );
}

function SuppressedNote() {
  return (
    <p className="nhsuk-body-s">
      Figures shown as * in the table are too small to publish and are left out of the chart.
    </p>
  );
}
