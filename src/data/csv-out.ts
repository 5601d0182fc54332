/**
 * CSV text as DuckDB's `COPY ... (FORMAT csv, HEADER true)` writes it (comma, double quote, LF),
 * byte for byte, for files small enough that handing their cells to DuckDB one by one costs more
 * than the rest of the command (`churnkit score` of 1,000 rows: the appender and COPY were about
 * a sixth of the process). test/data/csv-out.test.ts checks it against DuckDB's own writer.
 */

/** A cell: a DOUBLE, a BOOLEAN, a VARCHAR, or NULL. */
export type CsvCell = number | boolean | string | null;

/**
 * DuckDB quotes a text that is empty (an empty cell is NULL) or holds a byte of its quote table:
 * line breaks, the quote, the delimiter and `#` (its comment character); a quote is doubled.
 */
const NEEDS_QUOTES = /[\n\r",#]/;

export function csvText(s: string): string {
  if (s !== '' && !NEEDS_QUOTES.test(s)) return s;
  return `"${s.replaceAll('"', '""')}"`;
}

const nanBits = new Float64Array(1);
const nanWords = new Uint32Array(nanBits.buffer);

/**
 * A DOUBLE as DuckDB writes it: the shortest digits that read back as the same double (what
 * JavaScript's own conversion finds), in plain notation with at least one decimal from 1e-4 up
 * to below 1e16 (`1.0`, `0.0001`), otherwise in scientific notation with a signed exponent of
 * at least two digits (`1e-05`, `1.5e+16`); `nan` (`-nan` with the sign bit), `inf`, `-inf`, and `-0.0`.
 */
export function csvDouble(x: number): string {
  if (Number.isNaN(x)) {
    // A NaN keeps its sign bit, and DuckDB writes it (little-endian: the high word is second).
    nanBits[0] = x;
    return nanWords[1]! >>> 31 === 1 ? '-nan' : 'nan';
  }
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // "d.ddde+x": the shortest round-trip digits and the decimal exponent.
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const abs = e < 0 ? -e : e;
    return `${sign}${mantissa}e${e < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
  const fraction = digits.length > e + 1 ? digits.slice(e + 1) : '0';
  return `${sign}${whole}.${fraction}`;
}

export function csvCell(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return csvDouble(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvText(v);
}

/** A whole file: the header line, then one line per row, every line ending in LF. */
export function csvFile(
  header: readonly string[],
  rows: number,
  cell: (row: number, column: number) => CsvCell,
): string {
  const lines: string[] = [header.map(csvText).join(',')];
  const width = header.length;
  const fields: string[] = new Array<string>(width);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < width; j++) fields[j] = csvCell(cell(i, j));
    lines.push(fields.join(','));
  }
  return `${lines.join('\n')}\n`;
}
