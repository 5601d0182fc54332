/**
 * Arrow IPC on `POST /v1/score/columns`: the same columns as the JSON route, as binary. A number
 * column arrives as 8 bytes a value instead of text to parse, and the answer leaves as Arrow
 * buffers instead of 5 MB of JSON text. What an Arrow body carries becomes the JSON route's
 * request object and goes through the same schema, the same checks and the same scorer, so the two
 * forms cannot disagree; the answer is the JSON route's columns, typed (docs/serving.md).
 * Decoding and encoding are @uwdata/flechette's (one package, no dependencies).
 */
import { Column, Type, batchType, bool, float64, tableFromColumns, tableFromIPC, tableToIPC, utf8, } from '@uwdata/flechette';
import { Worker } from 'node:worker_threads';
import { HttpError } from './http-error.js';
import { MAX_COLUMNAR_ROWS } from './schemas.js';
/** The Arrow IPC stream format's media type (IANA): what a client sends and asks for. */
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
/** The Arrow IPC file format (a stream with a footer) is read too. */
export const ARROW_FILE = 'application/vnd.apache.arrow.file';
const MS_PER_DAY = 86_400_000;
/**
 * The JSON request object an Arrow body stands for: `{ as_of?, columns: { name: values } }`, with
 * the request's `as_of` from the schema's metadata key `as_of`. Only the types the JSON route takes
 * have a reading (numbers, booleans, text, dates as days); anything else is a 400 naming the column.
 */
export function columnsRequestFromArrow(body) {
    let table;
    try {
        table = tableFromIPC(body);
    }
    catch (err) {
        throw new HttpError(400, 'malformed_arrow', `the body is not an uncompressed Arrow IPC stream or file (${err.message})`);
    }
    // Row counts are read from the batch headers, not from the buffers: a damaged or hostile header
    // claiming billions of rows must be refused before any column is read into an array.
    for (const column of table.children) {
        if (!(column.length >= 0 && column.length <= MAX_COLUMNAR_ROWS))
            throw new HttpError(400, 'too_many_rows', `the Arrow body has ${column.length} rows; /v1/score/columns takes up to ${MAX_COLUMNAR_ROWS} per call`);
    }
    const columns = {};
    for (const field of table.schema.fields) {
        const at = `/columns/${field.name}`;
        if (field.name === '__proto__' || Object.hasOwn(columns, field.name))
            throw new HttpError(400, 'bad_column_name', `columns.${field.name} comes twice or is not a column name`, at);
        try {
            columns[field.name] = plainValues(field.name, field.type, table.getChild(field.name));
        }
        catch (err) {
            if (err instanceof HttpError)
                throw err;
            // Batches are decoded as they are read: a damaged buffer shows here, not in tableFromIPC.
            throw new HttpError(400, 'malformed_arrow', `columns.${field.name} could not be read: ${err.message}`, at);
        }
    }
    const asOf = table.schema.metadata?.get('as_of');
    return asOf === undefined ? { columns } : { as_of: asOf, columns };
}
/**
 * Reads Arrow bodies on a worker thread, one at a time. The decoder trusts the lengths in an
 * Arrow message's headers: a damaged or hostile header can claim two billion entries and keep a
 * thread busy for minutes or fill its memory. On the worker, that costs the request a 400 after
 * `timeoutMs` (or when the worker's heap limit is hit), the worker is replaced, and the server's
 * event loop never stalls. A well-formed body of 10,000 rows takes a few milliseconds there.
 */
export class ArrowReader {
    timeoutMs;
    heapMb;
    #worker = null;
    #queue = [];
    #current = null;
    #timer = null;
    #closed = false;
    constructor(timeoutMs = 5_000, heapMb = 512) {
        this.timeoutMs = timeoutMs;
        this.heapMb = heapMb;
    }
    read(body) {
        if (this.#closed)
            return Promise.reject(new HttpError(503, 'closing', 'the server is closing'));
        return new Promise((resolve, reject) => {
            this.#queue.push({ body, resolve, reject });
            this.#next();
        });
    }
    async close() {
        this.#closed = true;
        for (const job of this.#queue.splice(0))
            job.reject(new HttpError(503, 'closing', 'the server is closing'));
        const worker = this.#worker;
        this.#worker = null;
        if (worker)
            await worker.terminate();
    }
    #next() {
        if (this.#current || this.#queue.length === 0)
            return;
        const job = this.#queue.shift();
        this.#current = job;
        this.#timer = setTimeout(() => {
            this.#fail(`could not be read within ${this.timeoutMs / 1000} s: its headers are likely damaged`);
        }, this.timeoutMs);
        // Copied, not transferred: a small body's bytes may share Node's buffer pool with others.
        this.#spawn().postMessage(job.body);
    }
    #spawn() {
        if (this.#worker)
            return this.#worker;
        const worker = new Worker(new URL('./arrow-worker.js', import.meta.url), {
            resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
        });
        worker.unref();
        worker.on('message', (m) => {
            const job = this.#settle();
            if (!job)
                return;
            if (m.error)
                job.reject(new HttpError(m.error.statusCode, m.error.code, m.error.message, m.error.field));
            else
                job.resolve(m.request);
            this.#next();
        });
        // Out of memory (or any crash of the worker): the body it was reading is refused, a new one starts.
        worker.on('error', (err) => {
            if (this.#worker === worker)
                this.#fail(`could not be read: ${err.message}`);
        });
        worker.on('exit', () => {
            if (this.#worker === worker)
                this.#fail('could not be read: the reader stopped');
        });
        this.#worker = worker;
        return worker;
    }
    #settle() {
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#timer = null;
        const job = this.#current;
        this.#current = null;
        return job;
    }
    #fail(why) {
        const worker = this.#worker;
        this.#worker = null;
        void worker?.terminate();
        this.#settle()?.reject(new HttpError(400, 'malformed_arrow', `the Arrow body ${why}`));
        if (!this.#closed)
            this.#next();
    }
}
/** A column's values as JSON would give them: numbers, booleans, strings and nulls in a plain array. */
function plainValues(name, type, column) {
    const refuse = (what) => new HttpError(400, 'unsupported_arrow_type', `columns.${name} is an Arrow ${what} column; send numbers as int or float, booleans as bool, text as utf8 and dates as date32 or YYYY-MM-DD text`, `/columns/${name}`);
    switch (type.typeId) {
        case Type.Null:
        case Type.Int:
        case Type.Float:
        case Type.Decimal:
        case Type.Bool:
        case Type.Utf8:
        case Type.LargeUtf8:
        case Type.Utf8View:
            return Array.from(column.toArray());
        case Type.Dictionary:
            if (![Type.Utf8, Type.LargeUtf8, Type.Utf8View].includes(type.dictionary.typeId))
                throw refuse('dictionary');
            return Array.from(column.toArray());
        case Type.Date:
            return Array.from(column.toArray(), (ms) => {
                if (ms === null)
                    return null;
                if (ms % MS_PER_DAY !== 0)
                    throw refuse('date64 with a time of day');
                return new Date(ms).toISOString().slice(0, 10);
            });
        case Type.Timestamp:
            throw refuse('timestamp');
        default:
            throw refuse(`type ${type.typeId}`);
    }
}
/**
 * The answer's columns as an Arrow IPC stream. Types follow the names, so a column has the same
 * type whatever the rows hold: `escalate` bool; scores, probabilities, `layer_*`, `coverage` and
 * `score_change` float64; a reason's value float64 (booleans as 1 and 0, as score files write it)
 * unless a value is text (a model reading `segment`), then utf8; everything else utf8.
 */
export function arrowAnswer(columns) {
    const out = [];
    for (const [name, values] of Object.entries(columns)) {
        const kind = answerKind(name) ?? (values.some((v) => typeof v === 'string') ? 'text' : 'number');
        out.push([
            name,
            kind === 'bool' ? boolColumn(values) : kind === 'number' ? floatColumn(values) : textColumn(values),
        ]);
    }
    const bytes = tableToIPC(tableFromColumns(out), { format: 'stream' });
    if (bytes === null)
        throw new Error('flechette wrote the Arrow answer nowhere');
    return bytes;
}
// Columns are built here, not by flechette's row-at-a-time builders: those encode each string on
// its own and took 300 ms for a 10,000-row answer; these take a few.
/** Arrow's validity bitmap (bit i set: row i has a value), or none when no row is null. */
function validity(n, isNull) {
    const bits = new Uint8Array((n + 7) >> 3);
    let nulls = 0;
    for (let i = 0; i < n; i++) {
        if (isNull(i))
            nulls++;
        else
            bits[i >> 3] |= 1 << (i & 7);
    }
    return { bits: nulls === 0 ? new Uint8Array(0) : bits, nulls };
}
/** Numbers (booleans as 1 and 0); null, and NaN, which JSON writes as null, are null. */
function floatColumn(values) {
    const n = values.length;
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const v = values[i];
        data[i] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number.NaN;
    }
    const { bits, nulls } = validity(n, (i) => Number.isNaN(data[i]));
    const type = float64();
    return new Column([new (batchType(type))({ length: n, nullCount: nulls, type, validity: bits, values: data })]);
}
function boolColumn(values) {
    const n = values.length;
    const data = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++)
        if (values[i] === true)
            data[i >> 3] |= 1 << (i & 7);
    const { bits, nulls } = validity(n, (i) => values[i] === null || values[i] === undefined);
    const type = bool();
    return new Column([new (batchType(type))({ length: n, nullCount: nulls, type, validity: bits, values: data })]);
}
const UTF8 = new TextEncoder();
/** Text: each value encoded straight into one buffer (at most 3 bytes per UTF-16 unit), offsets as it goes. */
function textColumn(values) {
    const n = values.length;
    const parts = new Array(n);
    let units = 0;
    for (let i = 0; i < n; i++) {
        const v = values[i];
        parts[i] = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
        units += parts[i].length;
    }
    const buffer = new Uint8Array(units * 3);
    const offsets = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
        if (parts[i] !== '')
            at += UTF8.encodeInto(parts[i], buffer.subarray(at)).written;
        offsets[i + 1] = at;
    }
    const { bits, nulls } = validity(n, (i) => values[i] === null || values[i] === undefined);
    const type = utf8();
    const data = buffer.subarray(0, at);
    return new Column([
        new (batchType(type))({ length: n, nullCount: nulls, type, validity: bits, offsets, values: data }),
    ]);
}
const FLOAT_COLUMNS = new Set([
    'score',
    'probability',
    'base_score',
    'score_change',
    'coverage',
    'expansion_probability',
    'model_probability',
]);
/** A column's Arrow type by its name; null for a reason's value (float64, or utf8 when a value is text). */
function answerKind(name) {
    if (name === 'escalate')
        return 'bool';
    if (FLOAT_COLUMNS.has(name) || name.startsWith('layer_'))
        return 'number';
    if (/^(model_)?reason_\d+_value$/.test(name))
        return null;
    return 'text';
}
/** Whether a request's body is Arrow (its content type, without parameters). */
export function isArrowBody(contentType) {
    const type = contentType?.split(';')[0]?.trim().toLowerCase();
    return type === ARROW_STREAM || type === ARROW_FILE;
}
/**
 * Whether the answer goes out as Arrow: when `Accept` names the Arrow stream, or when the body was
 * Arrow and `Accept` does not ask for JSON.
 */
export function wantsArrow(accept, contentType) {
    const a = accept?.toLowerCase() ?? '';
    if (a.includes(ARROW_STREAM))
        return true;
    if (a.includes('application/json'))
        return false;
    return isArrowBody(contentType);
}
//# sourceMappingURL=arrow.js.map