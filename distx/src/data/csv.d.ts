import type { CsvOptions } from './config.js';
/**
 * CSV dialect handling. churnkit reads CSV with an explicit dialect (no sniffing): DuckDB's
 * sniffer can skip "inconsistent" leading rows silently, and a wrong guess should be an error
 * the user can act on, not quietly different data. The header is read here, in Node, so a
 * wrong delimiter or an empty file is named before DuckDB sees the file.
 */
export interface CsvDialect {
    delimiter: string;
    quote: string;
    escape: string;
    skip: number;
    nullStrings: string[];
}
export declare function csvDialect(path: string, options: CsvOptions): CsvDialect;
/** How a delimiter is written in a message and in the config snippet that fixes it. */
export declare function showDelimiter(d: string): string;
/**
 * Splits the first record of `text` (RFC 4180 quoting), returning its fields and the raw line,
 * or null when no line end was found (a header longer than we read, or an unclosed quote).
 */
export declare function splitFirstRecord(text: string, dialect: Pick<CsvDialect, 'delimiter' | 'quote' | 'escape'>, atEnd: boolean): {
    fields: string[];
    line: string;
} | null;
/** The first `n` lines of a file (fewer when it is shorter), without line ends. */
export declare function readFirstLines(path: string, n: number): Promise<string[]>;
export type CsvHeader = {
    ok: true;
    columns: string[];
} | {
    ok: false;
    problem: 'empty_file' | 'no_header' | 'unreadable_header' | 'wrong_delimiter' | 'duplicate_header';
    message: string;
    suggested?: string;
};
/**
 * Reads and checks the header of a CSV file. A header that comes out as one column but
 * contains another common separator means the delimiter is wrong, which is named, with the
 * suggested one, instead of a confusing "missing column" later.
 */
export declare function readCsvHeader(path: string, dialect: CsvDialect, byteSize: number): Promise<CsvHeader>;
export interface CsvReadOptions {
    /** Keep reading past malformed lines, recording them in these DuckDB tables (for validate). */
    rejects?: {
        table: string;
        scan: string;
    };
}
/**
 * The read_csv() call for a file with a known header: every column as VARCHAR, the dialect
 * fixed. `auto_detect` stays on only because DuckDB's sniffer is what estimates the row count
 * (without it a 2 GB file plans as ~42 rows and joins build their hash table on it); every
 * option it could otherwise guess is set here.
 */
export declare function csvReaderSql(path: string, dialect: CsvDialect, columns: readonly string[], options?: CsvReadOptions, header?: boolean): string;
