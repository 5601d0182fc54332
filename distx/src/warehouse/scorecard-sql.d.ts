import type { TrainedModel } from '../learn/index.js';
import { type Scorecard } from '../scorecard/index.js';
export type SqlEngine = 'duckdb' | 'postgres';
export declare const SQL_ENGINES: readonly SqlEngine[];
export interface ScorecardSqlOptions {
    dialect: SqlEngine;
    /** A logistic or mlp model (usually the card's embedded one): its probability becomes `model_probability`. */
    model?: TrainedModel;
    /** The feature table (or view), possibly schema-qualified as `schema.table`. */
    table?: string;
}
export declare function compileScorecardSql(card: Scorecard, options: ScorecardSqlOptions): string;
