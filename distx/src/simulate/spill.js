/**
 * Row buffers between the simulation loop and DuckDB. The loop writes small integers (codes,
 * day and second offsets, counts) into Int32Array blocks of 2,048 rows, which go to a spill file
 * as they fill; afterwards a DuckDB table function streams each file back, one block per data
 * chunk, into a COPY that builds the contract table. Nothing is held in memory beyond a block,
 * whatever the size of the run, and a single sequential writer and a single-threaded scan keep
 * the row order (and so the output bytes) fixed.
 *
 * Block layout: [rows: int32][column 0: rows x int32]...[column k-1: rows x int32], little-endian.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { duckdb } from '../data/index.js';
/** DuckDB's vector size: the most rows one data chunk holds. */
const BLOCK_ROWS = 2048;
export class SpillWriter {
    path;
    columnNames;
    columns;
    block;
    fd;
    n = 0;
    /** Rows written so far. */
    rows = 0;
    constructor(path, columnNames) {
        this.path = path;
        this.columnNames = columnNames;
        const k = columnNames.length;
        this.block = new Int32Array(1 + k * BLOCK_ROWS);
        this.columns = columnNames.map((_, c) => this.block.subarray(1 + c * BLOCK_ROWS, 1 + (c + 1) * BLOCK_ROWS));
        this.fd = openSync(path, 'w');
    }
    /** Appends one row; values beyond the writer's column count are ignored. */
    add(a, b, c, d, e = 0, f = 0, g = 0) {
        const i = this.n;
        const cols = this.columns;
        cols[0][i] = a;
        cols[1][i] = b;
        cols[2][i] = c;
        cols[3][i] = d;
        const k = cols.length;
        if (k > 4) {
            cols[4][i] = e;
            if (k > 5) {
                cols[5][i] = f;
                if (k > 6)
                    cols[6][i] = g;
            }
        }
        this.advance();
    }
    advance() {
        this.rows++;
        if (++this.n === BLOCK_ROWS)
            this.flush();
    }
    flush() {
        const n = this.n;
        if (n === 0)
            return;
        this.block[0] = n;
        // Write the header and each column's first n values; a full block goes out in one call.
        if (n === BLOCK_ROWS) {
            writeAll(this.fd, this.block);
        }
        else {
            writeAll(this.fd, this.block.subarray(0, 1));
            for (const col of this.columns)
                writeAll(this.fd, col.subarray(0, n));
        }
        this.n = 0;
    }
    open = true;
    close() {
        this.flush();
        this.dispose();
    }
    /** Closes the file without flushing (after a failure). */
    dispose() {
        if (this.open)
            closeSync(this.fd);
        this.open = false;
    }
}
function writeAll(fd, data) {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let off = 0;
    while (off < bytes.length)
        off += writeSync(fd, bytes, off, bytes.length - off);
}
function readExactly(fd, into, count) {
    const bytes = new Uint8Array(into.buffer, into.byteOffset, count * 4);
    let off = 0;
    while (off < bytes.length) {
        const got = readSync(fd, bytes, off, bytes.length - off, null);
        if (got === 0) {
            if (off === 0)
                return false;
            throw new Error('spill file ends inside a block');
        }
        off += got;
    }
    return true;
}
/**
 * Registers `name()` as a table function that streams a spill file back as INTEGER columns,
 * in the order it was written. The file is closed when the scan ends.
 */
export function registerSpillScan(conn, name, path, columnNames) {
    const k = columnNames.length;
    const header = new Int32Array(1);
    const data = new Int32Array(k * BLOCK_ROWS);
    const { DuckDBTableFunction, INTEGER } = duckdb();
    conn.registerTableFunction(DuckDBTableFunction.create({
        name,
        bindFunction: (info) => {
            for (const c of columnNames)
                info.addResultColumn(c, INTEGER);
        },
        initFunction: (info) => {
            info.setMaxThreads(1);
            info.setInitData({ fd: openSync(path, 'r'), done: false });
        },
        mainFunction: (info, output) => {
            const state = info.initData;
            try {
                if (state.done || !readExactly(state.fd, header, 1)) {
                    if (!state.done)
                        closeSync(state.fd);
                    state.done = true;
                    output.rowCount = 0;
                    return;
                }
                const n = header[0];
                if (!readExactly(state.fd, data, k * n))
                    throw new Error('spill file ends inside a block');
                output.rowCount = n;
                for (let c = 0; c < k; c++) {
                    const vector = output.getColumnVector(c);
                    const base = c * n;
                    for (let i = 0; i < n; i++)
                        vector.setItem(i, data[base + i]);
                    vector.flush();
                }
            }
            catch (err) {
                info.setError(`${name}: ${err.message}`);
                output.rowCount = 0;
            }
        },
    }));
}
//# sourceMappingURL=spill.js.map