/**
 * The data layer's light entry: DuckDB and table files read into Frames, and nothing of the input
 * contract, mapping files (zod, jsonc-parser) or validation that data/index.ts also loads. For
 * what must start fast (`churnkit score` of a feature table); data/index.ts exports the same.
 */
export { openDuckDB, quoteIdent, quoteLiteral, type Database } from '../duckdb.js';
export { loadFrame, type Frame } from '../frame.js';
export { csvFile } from '../csv-out.js';
