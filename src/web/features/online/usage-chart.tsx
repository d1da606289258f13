import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { OnlineUsage } from '../../../contracts/online-usage.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import '../casework/measures.css';

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** One sentence that says what the chart shows, for its label and for the heading above it. */
export function hourChartSummary(usage: OnlineUsage): string {
  const busiest = [...usage.byHour].sort((a, b) => b.count - a.count || a.hour - b.hour)[0];
  if (!busiest || busiest.count === 0) return 'No chats started in this period.';
  return `Chats by the hour they started (London time): the busiest hour was ${hourLabel(busiest.hour)} to ${hourLabel(
    (busiest.hour + 1) % 24,
  )}, with ${busiest.count} ${busiest.count === 1 ? 'chat' : 'chats'}.`;
}

/**
 * Use by hour of day as an accessible SVG bar chart (an image labelled with its summary) with the
 * same figures in a table below it, so nothing is only in the picture (DESIGN.md).
 */
export function UsageHourChart({ usage }: { usage: OnlineUsage }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const width = Math.min(640, Math.max(280, target.clientWidth || 320));
    const chart = Plot.plot({
      width,
      height: 220,
      marginLeft: 40,
      style: { fontSize: '14px', color: '#212b32', background: 'transparent' },
      x: { type: 'band', label: 'Hour', tickFormat: (h: number) => (h % 3 === 0 ? String(h) : '') },
      y: { label: 'Chats', grid: true },
      marks: [Plot.barY(usage.byHour, { x: 'hour', y: 'count', fill: '#005eb8' }), Plot.ruleY([0])],
    });
    // The Content-Security-Policy refuses inline style sheets: drop Plot's before it reaches the page.
    for (const sheet of chart.querySelectorAll('style')) sheet.remove();
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `Chart: ${hourChartSummary(usage)}`);
    target.replaceChildren(chart);
    return () => target.replaceChildren();
  }, [usage]);
  return <div ref={box} className="lantern-measure-chart" />;
}

export function UsageHourTable({ usage }: { usage: OnlineUsage }) {
  return (
    <ResponsiveTable caption="Chats by hour of day they started (London time)" headings={['Hour', 'Chats']}>
      {usage.byHour.map((row) => (
        <tr className="nhsuk-table__row" key={row.hour}>
          <Cell heading="Hour">
            {hourLabel(row.hour)} to {hourLabel((row.hour + 1) % 24)}
          </Cell>
          <Cell heading="Chats">{row.count}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
