import type { KpiResult } from '../../../contracts/reporting.js';
import { SummaryList } from '../triage/fields.js';
import { BreakdownFigure, SeriesFigure } from './report-chart.js';
import { changeWords, figureText, ragTagClass, ragWords } from './report-view.js';

/** "How this is worked out": what is counted, out of what, which records, and where the definition comes from. */
export function KpiDefinition({ kpi, isOpen }: { kpi: KpiResult; isOpen: boolean }) {
  const { definition } = kpi;
  const rows: [string, React.ReactNode][] = [
    ['What is counted', definition.numerator],
    ['Out of', definition.denominator ?? 'Not a share: a count or a time'],
    ['Which records', definition.filters],
    [
      'Source',
      definition.source.url ? (
        <a key="source" href={definition.source.url}>
          {definition.source.name}
        </a>
      ) : (
        definition.source.name
      ),
    ],
  ];
  if (isOpen) {
    return (
      <div className="lantern-kpi-definition">
        <h4 className="nhsuk-heading-xs">How this is worked out</h4>
        <SummaryList rows={rows} />
      </div>
    );
  }
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">How this is worked out</span>
      </summary>
      <div className="nhsuk-details__text">
        <SummaryList rows={rows} />
      </div>
    </details>
  );
}

/** The figure now, the change, the target and whether it is met: red, amber and green always in words. */
export function KpiFigures({ kpi, previousLabel }: { kpi: KpiResult; previousLabel: string }) {
  return (
    <>
      <p className="lantern-kpi-figure">
        <span className="nhsuk-u-visually-hidden">Figure: </span>
        {figureText(kpi.current)}
      </p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{changeWords(kpi, previousLabel)}</p>
      {kpi.target && (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
          Target: {kpi.target.text}
          {kpi.rag && (
            <>
              {' '}
              <strong className={`nhsuk-tag ${ragTagClass[kpi.rag]}`}>{ragWords[kpi.rag]}</strong>
            </>
          )}
        </p>
      )}
      <p>{kpi.headline}</p>
    </>
  );
}

/**
 * One KPI as a card: title, figure, change, target, its headline sentence, how it is worked out,
 * and its charts with their tables. `isPrint` opens every table and definition (board report).
 */
export function KpiCard({
  kpi,
  previousLabel,
  headingLevel,
  isPrint = false,
}: {
  kpi: KpiResult;
  previousLabel: string;
  headingLevel: 3 | 4;
  isPrint?: boolean;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const id = `kpi-${kpi.id}`;
  return (
    <section className="nhsuk-card lantern-kpi" aria-labelledby={id}>
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading nhsuk-heading-s" id={id}>
          {kpi.title}
        </Heading>
        <KpiFigures kpi={kpi} previousLabel={previousLabel} />
        <SeriesFigure kpi={kpi} isTableOpen={isPrint} />
        <BreakdownFigure kpi={kpi} isTableOpen={isPrint} />
        <KpiDefinition kpi={kpi} isOpen={isPrint} />
      </div>
    </section>
  );
}
