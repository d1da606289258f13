import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestFactsArb, subjectRecordArb } from '../../domain/records/subject-access.arbitraries.js';
import { buildSubjectAccessExport, decideItem, refusalFor } from '../../domain/records/subject-access.js';
import { pdfText } from './pdf-text.js';
import { subjectAccessPdf } from './subject-access-pdf.js';

const meta = { generatedAt: '2026-11-20T10:00:00.000Z', receivedOn: '2026-11-18' };

describe('the subject access PDF', () => {
  it('is a PDF that says what was withheld and on what legal basis', async () => {
    const [sample] = fc.sample(subjectRecordArb, { numRuns: 1, seed: 42 });
    if (!sample) throw new Error('no sample');
    const { record } = sample;
    const built = buildSubjectAccessExport(
      record,
      { requester: 'parent', carer: { hasParentalResponsibility: true, doNotShare: false }, consent: null },
      meta,
    );
    const pdf = await subjectAccessPdf(built.export, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Copy of record (subject access request)');
    expect(text).toContain('Information withheld');
    if (built.itemsWithheld > 0) expect(text).toContain('Schedule 3 Part 2 paragraph 4');
    else expect(text).toContain('Nothing has been withheld.');
  });

  it('never shows a withheld item’s text, and shows every included one, for random records', async () => {
    await fc.assert(
      fc.asyncProperty(subjectRecordArb, requestFactsArb, async ({ record, markers }, facts) => {
        fc.pre(refusalFor(facts) === null);
        const built = buildSubjectAccessExport(record, facts, meta);
        const text = pdfText(await subjectAccessPdf(built.export, { compress: false }));
        for (const { section, item } of markers) {
          expect(text.includes(item.marker)).toBe(decideItem(facts, section, item).include);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('reading a compressed PDF back', () => {
  it('finds the same text as in the uncompressed one', async () => {
    const [sample] = fc.sample(subjectRecordArb, { numRuns: 1, seed: 7 });
    if (!sample) throw new Error('no sample');
    const built = buildSubjectAccessExport(
      sample.record,
      { requester: 'young-person', carer: null, consent: null },
      meta,
    );
    const plain = pdfText(await subjectAccessPdf(built.export, { compress: false }));
    const compressed = await subjectAccessPdf(built.export);
    expect(compressed.toString('latin1')).not.toContain('Copy of record');
    expect(pdfText(compressed)).toBe(plain);
  });
});
