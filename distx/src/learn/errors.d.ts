import { ChurnkitError } from '../util/index.js';
/**
 * A model that cannot be fitted to this data as asked (separated classes, collinear columns,
 * a single class): exit 2 like other input problems, with the columns to look at.
 */
export declare class ModelFitError extends ChurnkitError {
    readonly columns: readonly string[];
    constructor(message: string, columns?: readonly string[]);
}
/**
 * The rows a model would be fitted on hold a single class: there is nothing to learn. A backtest
 * skips such a fold (an early period without churners) instead of failing.
 */
export declare class SingleClassError extends ModelFitError {
    /** What holds a single class, without the table's name. */
    readonly detail: string;
    constructor(
    /** What holds a single class, without the table's name. */
    detail: string, table: string);
}
/** A model artifact that is not what churnkit wrote: names the file and the field. */
export declare class ArtifactError extends ChurnkitError {
    readonly field: string;
    readonly problem: string;
    readonly source: string;
    constructor(field: string, problem: string, source?: string);
}
