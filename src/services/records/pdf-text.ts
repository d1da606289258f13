import { inflateSync } from 'node:zlib';

// Reads the text back out of a PDF that pdfkit wrote with its standard fonts, for tests: pdfkit
// writes each run of text as hex strings inside a `[...] TJ` array, in streams that are
// Flate-compressed unless the document was made with `compress: false`.

function contentStreams(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of source.matchAll(/<<([^>]*(?:>[^>][^>]*)*)>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    if (!(match[1] ?? '').includes('/FlateDecode')) streams.push(bytes.toString('latin1'));
    else {
      try {
        streams.push(inflateSync(bytes).toString('latin1'));
      } catch {
        // Not a text stream (or not one we can read): fonts and images are skipped.
      }
    }
  }
  return streams;
}

export function pdfText(pdf: Buffer): string {
  const runs: string[] = [];
  for (const stream of contentStreams(pdf)) {
    for (const match of stream.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '').join('');
      runs.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return runs.join('\n');
}
