import type { TrainedModel } from '../learn/index.js';
export interface ModelSqlParts {
    /** Named expressions over the feature-table columns, then over the earlier ones, in order. */
    steps: {
        name: string;
        sql: string;
    }[][];
    /** The column holding the churn probability, in the last step. */
    output: string;
}
export declare function modelSql(trained: TrainedModel, column: (name: string) => string, text: (name: string) => string, num: (x: number) => string): ModelSqlParts;
