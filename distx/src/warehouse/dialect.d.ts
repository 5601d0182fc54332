import type { SqlDialect } from '../features/index.js';
export declare const postgresDialect: SqlDialect;
