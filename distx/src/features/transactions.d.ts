import type { SqlDialect } from './dialect.js';
import { type FeatureQuery, type FeatureSqlParams } from './sql.js';
export declare function transactionQuery(params: FeatureSqlParams, d: SqlDialect): FeatureQuery;
