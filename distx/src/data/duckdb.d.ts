import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
export type { DuckDBConnection, DuckDBInstance };
export interface Database {
    instance: DuckDBInstance;
    connection: DuckDBConnection;
    close(): void;
}
type DuckDBApi = typeof import('@duckdb/node-api');
/**
 * The DuckDB client library, loaded on first use rather than at the top, so that commands that
 * read no data never pay for the engine. It is the installed @duckdb/node-api bundled into one
 * file at build time: required as a package it is a hundred CommonJS modules to resolve, read and
 * wrap, which costs `churnkit score` of 1,000 rows more than DuckDB's own work. The bundle gets a
 * `require` that resolves from the package, so its native binding is the package's own; the
 * package itself is used where the bundle is missing (a build by tsc alone) or of another version.
 * (Through require(), not import(): Node would first scan the package's CommonJS modules for
 * their exports, doubling its load time.) Every part of churnkit takes DuckDB from here: values
 * from two copies of the library would not be recognised by each other.
 */
export declare function duckdb(): DuckDBApi;
/**
 * For the build (tools/build-generated.mjs, which imports it from dist/): the bundle's compiled code
 * so far, or null when the package was loaded instead.
 * @public
 */
export declare function bundledClientCodeCache(): Buffer | null;
/**
 * An embedded DuckDB: in memory by default, or a database file. The session runs in UTC (all
 * times in churnkit are UTC, and ISO 8601 offsets convert through it). An in-memory database
 * spills to a private folder under the OS temp dir, removed on close: DuckDB's default is
 * `.tmp` in the working directory, which would leave files in the user's folder.
 */
export declare function openDuckDB(path?: string, options?: Record<string, string>): Promise<Database>;
/** Quotes an SQL identifier (table, column, schema); every name from user config goes through this. */
export declare function quoteIdent(name: string): string;
/** Quotes an SQL string literal, for paths and values that cannot be bound as parameters. */
export declare function quoteLiteral(value: string): string;
export type Row = Record<string, unknown>;
/** Runs a query and returns its rows as plain JS objects (numbers, strings, booleans, null; BIGINT as bigint). */
export declare function queryRows<T extends Row = Row>(conn: DuckDBConnection, sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]>;
/** The single value of a one-row, one-column query. */
export declare function queryValue<T = unknown>(conn: DuckDBConnection, sql: string, params?: Record<string, unknown> | unknown[]): Promise<T>;
