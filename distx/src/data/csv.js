import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { quoteLiteral } from './duckdb.js';
import { groupDigits } from '../util/index.js';
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];
export function csvDialect(path, options) {
    const tsv = /\.tsv(\.gz)?$/i.test(path);
    const extra = options.null === undefined ? [] : Array.isArray(options.null) ? options.null : [options.null];
    return {
        delimiter: options.delimiter ?? (tsv ? '\t' : ','),
        quote: options.quote ?? '"',
        escape: options.escape ?? options.quote ?? '"',
        skip: options.skip ?? 0,
        nullStrings: ['', ...extra.filter((s) => s !== '')],
    };
}
/** How a delimiter is written in a message and in the config snippet that fixes it. */
export function showDelimiter(d) {
    return d === '\t' ? 'tab' : JSON.stringify(d);
}
const HEAD_BYTES = 1 << 20;
/** The first bytes of a file (decompressed for .gz), enough for a header line. */
async function readHead(path) {
    const raw = createReadStream(path, { start: 0, end: /\.gz$/i.test(path) ? HEAD_BYTES * 4 : HEAD_BYTES - 1 });
    const stream = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
    const chunks = [];
    let size = 0;
    let complete = true;
    try {
        for await (const chunk of stream) {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= HEAD_BYTES) {
                complete = false;
                break;
            }
        }
    }
    catch (err) {
        // A truncated gzip stream still gives us its first lines; anything else is real.
        if (size === 0)
            throw err;
    }
    finally {
        raw.destroy();
    }
    return {
        text: Buffer.concat(chunks)
            .subarray(0, HEAD_BYTES)
            .toString('utf8')
            .replace(/^\uFEFF/, ''),
        complete,
    };
}
/**
 * Splits the first record of `text` (RFC 4180 quoting), returning its fields and the raw line,
 * or null when no line end was found (a header longer than we read, or an unclosed quote).
 */
export function splitFirstRecord(text, dialect, atEnd) {
    const { delimiter, quote, escape: escapeChar } = dialect;
    const fields = [];
    let field = '';
    let inQuotes = false;
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (inQuotes) {
            if (ch === escapeChar && text[i + 1] === quote) {
                field += quote;
                i += 2;
                continue;
            }
            if (ch === quote) {
                inQuotes = false;
                i++;
                continue;
            }
            field += ch;
            i++;
            continue;
        }
        if (ch === quote && field === '') {
            // Quotes are special only at the start of a field (RFC 4180); elsewhere they are text.
            inQuotes = true;
            i++;
            continue;
        }
        if (text.startsWith(delimiter, i)) {
            fields.push(field);
            field = '';
            i += delimiter.length;
            continue;
        }
        if (ch === '\n' || ch === '\r') {
            fields.push(field);
            return { fields, line: text.slice(0, i) };
        }
        field += ch;
        i++;
    }
    if (!atEnd || inQuotes)
        return null;
    fields.push(field);
    return { fields, line: text };
}
/** The first `n` lines of a file (fewer when it is shorter), without line ends. */
export async function readFirstLines(path, n) {
    const head = await readHead(path);
    const lines = head.text.split(/\r\n|\n|\r/);
    if (!head.complete)
        lines.pop();
    return lines.slice(0, n);
}
function skipLines(text, n) {
    let rest = text;
    for (let k = 0; k < n; k++) {
        const nl = rest.search(/\r\n|\n|\r/);
        if (nl < 0)
            return '';
        rest = rest.slice(nl + (rest.startsWith('\r\n', nl) ? 2 : 1));
    }
    return rest;
}
/**
 * Reads and checks the header of a CSV file. A header that comes out as one column but
 * contains another common separator means the delimiter is wrong, which is named, with the
 * suggested one, instead of a confusing "missing column" later.
 */
export async function readCsvHeader(path, dialect, byteSize) {
    if (byteSize === 0)
        return {
            ok: false,
            problem: 'empty_file',
            message: 'the file is empty (0 bytes); expected a header line and data rows',
        };
    const head = await readHead(path);
    const text = skipLines(head.text, dialect.skip);
    if (text.trim() === '')
        return {
            ok: false,
            problem: 'no_header',
            message: dialect.skip > 0
                ? `nothing after the ${dialect.skip} skipped line(s); expected a header line`
                : 'the file has no header line (only blank lines)',
        };
    const record = splitFirstRecord(text, dialect, head.complete);
    if (!record)
        return {
            ok: false,
            problem: 'unreadable_header',
            message: `could not read a header line in the first ${groupDigits(HEAD_BYTES)} bytes (an unclosed quote?)`,
        };
    const columns = record.fields.map((f) => f.trim());
    if (columns.length === 1) {
        const line = record.line;
        const counts = CANDIDATE_DELIMITERS.filter((d) => d !== dialect.delimiter).map((d) => ({
            d,
            n: line.split(d).length - 1,
        }));
        const best = counts.sort((a, b) => b.n - a.n)[0];
        if (best && best.n > 0) {
            return {
                ok: false,
                problem: 'wrong_delimiter',
                suggested: best.d,
                message: `the header ${JSON.stringify(truncate(line, 80))} was read as one column with delimiter ${showDelimiter(dialect.delimiter)}; the file looks ${showDelimiter(best.d)}-delimited`,
            };
        }
    }
    if (columns.every((c) => c === ''))
        return { ok: false, problem: 'no_header', message: 'the header line is empty' };
    const seen = new Map();
    for (const c of columns) {
        const k = c.toLowerCase();
        if (seen.has(k))
            return { ok: false, problem: 'duplicate_header', message: `the header names column ${JSON.stringify(c)} twice` };
        seen.set(k, c);
    }
    return { ok: true, columns };
}
function truncate(s, n) {
    return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
/**
 * The read_csv() call for a file with a known header: every column as VARCHAR, the dialect
 * fixed. `auto_detect` stays on only because DuckDB's sniffer is what estimates the row count
 * (without it a 2 GB file plans as ~42 rows and joins build their hash table on it); every
 * option it could otherwise guess is set here.
 */
export function csvReaderSql(path, dialect, columns, options = {}, header = true) {
    const cols = columns.map((c, i) => `${quoteLiteral(c === '' ? `column${i}` : c)}: 'VARCHAR'`).join(', ');
    const args = [
        quoteLiteral(path),
        `header = ${header}`,
        'auto_detect = true',
        `delim = ${quoteLiteral(dialect.delimiter)}`,
        `quote = ${quoteLiteral(dialect.quote)}`,
        `escape = ${quoteLiteral(dialect.escape)}`,
        `skip = ${dialect.skip}`,
        "comment = ''",
        `nullstr = [${dialect.nullStrings.map(quoteLiteral).join(', ')}]`,
        `columns = {${cols}}`,
        'strict_mode = true',
    ];
    if (options.rejects)
        args.push('store_rejects = true', `rejects_table = ${quoteLiteral(options.rejects.table)}`, `rejects_scan = ${quoteLiteral(options.rejects.scan)}`);
    return `read_csv(${args.join(', ')})`;
}
//# sourceMappingURL=csv.js.map