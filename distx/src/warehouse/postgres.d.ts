/**
 * Moving a feature table into PostgreSQL and scoring it there, through `pg`. Rows travel as one
 * JSON document per chunk, unpacked by json_populate_recordset, so no COPY extension is needed.
 */
import type pg from 'pg';
import type { Frame } from '../data/index.js';
export declare function qualified(table: string): string;
/** Creates `table` (replacing it) with the frame's columns and rows. */
export declare function writeFrameToPostgres(client: pg.ClientBase, frame: Frame, table: string): Promise<void>;
export declare function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T>;
