import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv-format.js';

/** A strict RFC 4180 reader for one record (with its CRLF), to check what a spreadsheet would see. */
function readRecord(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const body = text.slice(0, -2);
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (body[i] === '"') {
      i += 1;
      for (;;) {
        const quote = body.indexOf('"', i);
        if (quote < 0) throw new Error('unclosed quote');
        field += body.slice(i, quote);
        if (body[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = body.indexOf(',', i);
      field = body.slice(i, end < 0 ? body.length : end);
      if (/["\r\n]/.test(field)) throw new Error('an unquoted field holds a quote or line break');
      i = end < 0 ? body.length : end;
    }
    fields.push(field);
    if (i >= body.length) return fields;
    if (body[i] !== ',') throw new Error(`expected a comma at ${i}`);
    i += 1;
  }
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
  });

  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // A number is never a formula, so a negative score stays a number.
    expect(csvCell(-3)).toBe('-3');
  });

  it('ends every record with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('CSV properties', () => {
  const anyText = fc.string({
    unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", 'é'),
  });

  it('reads back every field exactly, apart from the formula guard', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (fields) => {
        const read = readRecord(csvRow(fields));
        const expected = fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f));
        expect(read).toEqual(expected);
      }),
    );
  });

  it('never lets a field start with a formula character', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (fields) => {
        for (const field of readRecord(csvRow(fields))) expect(field).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('writes finite numbers as they are', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        // === on purpose: -0 is written as 0, which is the same number.
        expect(Number(csvCell(n)) === n).toBe(true);
      }),
    );
  });
});
