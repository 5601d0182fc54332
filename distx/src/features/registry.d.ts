import type { TableName } from '../data/index.js';
/**
 * The ten ranked predictive features and the override/context signals of docs/features.md.
 * Names, ranks, layers and column order are a contract other tools check against.
 */
export type Layer = 'usage' | 'engagement' | 'relationship' | 'outcome';
export declare const LAYERS: readonly Layer[];
/** Whether a higher value means more churn risk or less. */
export type Direction = 'higher_is_riskier' | 'higher_is_safer';
export interface FeatureSpec {
    name: string;
    rank: number;
    layer: Layer;
    direction: Direction;
    description: string;
    /** Tables the definition reads; when an optional one is absent the feature is NULL. */
    needs: readonly TableName[];
    /** When the value is NULL even though every table it needs is present. */
    nullWhen?: string;
}
export declare const FEATURES: readonly FeatureSpec[];
export type SignalType = 'boolean' | 'integer' | 'number' | 'text';
export interface SignalSpec {
    name: string;
    type: SignalType;
    description: string;
    needs: readonly TableName[];
    /** When the value is NULL even though every table it needs is present. */
    nullWhen?: string;
}
export declare const SIGNALS: readonly SignalSpec[];
export declare const FEATURE_NAMES: readonly string[];
export declare const LABEL_COLUMN = "churned_within_90d";
/**
 * `features --label expansion`: 1 when the account's annual value in effect rises by at least
 * EXPANSION_THRESHOLD within the horizon (families.ts says exactly how), written after the churn label.
 */
export declare const EXPANSION_LABEL_COLUMN = "expanded_within_90d";
/**
 * Whether a label is an opportunity (an expansion) rather than a risk: a health score rises with
 * it, so scorecards rank by score and their bands read GREEN as the likeliest.
 */
export declare function isOpportunityLabel(label: string): boolean;
/** A rise of annual value of at least this share counts as an expansion (10%: renewal uplifts of a few percent do not). */
export declare const EXPANSION_THRESHOLD = 0.1;
export declare const KEY_COLUMNS: readonly ['account_id', 'as_of'];
/**
 * Feature table columns in the order of docs/features.md: keys, segment, the ten features, the
 * signals (segment already placed), then the label.
 */
export declare const FEATURE_TABLE_COLUMNS: readonly string[];
/** A feature table's columns: the set's, with the expansion label last when it is asked for. */
export declare function featureTableColumns(set: FeatureSetName, label: string): readonly string[];
export declare function featureSpec(name: string): FeatureSpec | undefined;
export declare function signalSpec(name: string): SignalSpec | undefined;
/** Feature table column types (docs/features.md), in FEATURE_TABLE_COLUMNS order. */
export type ColumnSqlType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BOOLEAN' | 'INTEGER';
export declare const FEATURE_TABLE_TYPES: Readonly<Record<string, ColumnSqlType>>;
/**
 * The transactional feature set (`features --feature-set transactions`), for purchase logs: the
 * usage table holds purchases, `quantity` their amount. Recency, frequency and monetary value
 * over several windows, inter-purchase time and its trend; with tenure and the label.
 */
export type FeatureSetName = 'saas' | 'transactions';
export declare const FEATURE_SETS: readonly FeatureSetName[];
/** Window lengths of the transactional features, in days. */
export declare const PURCHASE_WINDOWS: readonly [30, 90, 365];
export declare const TRANSACTION_FEATURES: readonly FeatureSpec[];
export declare const TRANSACTION_TABLE_COLUMNS: readonly string[];
/** The features and columns of a feature set. */
export declare function featureSet(name: FeatureSetName): {
    features: readonly FeatureSpec[];
    signals: readonly SignalSpec[];
    columns: readonly string[];
};
/** Which feature set a table's columns are (transactions when it has the transactional features and not the ten). */
export declare function featureSetOfColumns(columns: readonly string[]): FeatureSetName;
