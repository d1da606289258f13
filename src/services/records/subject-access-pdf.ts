import PDFDocument from 'pdfkit';
import type { SubjectAccessExport } from '../../contracts/records.js';
import { type Section, sectionLabels, sections } from '../../domain/records/subject-access.js';

// The PDF of a subject access export. It renders exactly the filtered object the JSON export is,
// so the two cannot disagree: nothing here reads the record, and nothing here decides what is shown.

type Line = [label: string, value: string | number | boolean | null | undefined];

/** Each item of a section as labelled lines, in the order a reader expects. */
function itemLines(item: SubjectAccessExport[Section][number]): Line[] {
  const lines: Line[] = [];
  const walk = (value: unknown, label: string) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object')) lines.push([label, value.join(', ')]);
      else
        value.forEach((v, i) => {
          walk(v, `${label} ${i + 1}`);
        });
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        walk(inner, label ? `${label}: ${words(key)}` : words(key));
      }
    } else lines.push([label, value as string | number | boolean]);
  };
  walk(item, '');
  return lines;
}

/** `needDescription` → "Need description". */
function words(key: string): string {
  const spaced = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function show(value: Line[1]): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** Builds the PDF in memory. `compress: false` keeps text streams readable, for tests. */
export function subjectAccessPdf(
  data: SubjectAccessExport,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: options.compress ?? true,
    info: { Title: 'Subject access request: copy of record', Author: 'Lantern' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string, size = 14) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10);
  };
  const line = ([label, value]: Line) => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(show(value));
  };

  doc.font('Helvetica-Bold').fontSize(18).text('Copy of record (subject access request)');
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  line(['Requested by', data.requester]);
  line(['Request received', data.receivedOn]);
  line(['Produced', data.generatedAt]);

  heading('About the young person');
  for (const entry of Object.entries(data.child)) line([words(entry[0]), entry[1] ?? 'Not recorded']);

  heading('Keeping this record');
  line(['Status', data.retention.status]);
  line(['Review date', data.retention.reviewOn ?? 'None yet']);
  doc.text(data.retention.note);

  heading('Information withheld');
  if (data.withheld.total === 0) doc.text('Nothing has been withheld.');
  else {
    for (const c of data.withheld.byCategory) line([c.label, `${c.count} withheld`]);
    for (const reason of data.withheld.reasons) doc.text(reason);
    if (data.withheld.legalBasis) doc.moveDown(0.3).text(data.withheld.legalBasis);
  }

  for (const section of sections) {
    const items = data[section] as SubjectAccessExport[Section];
    heading(sectionLabels[section]);
    if (items.length === 0) doc.text('None.');
    items.forEach((item, index) => {
      if (index > 0) doc.moveDown(0.4);
      for (const l of itemLines(item)) line(l);
    });
  }
  doc.end();
  return done;
}
