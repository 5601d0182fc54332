import { ChurnkitError } from '../util/index.js';
/**
 * A model that cannot be fitted to this data as asked (separated classes, collinear columns,
 * a single class): exit 2 like other input problems, with the columns to look at.
 */
export class ModelFitError extends ChurnkitError {
    columns;
    constructor(message, columns = []) {
        super(message, 2);
        this.columns = columns;
    }
}
/**
 * The rows a model would be fitted on hold a single class: there is nothing to learn. A backtest
 * skips such a fold (an early period without churners) instead of failing.
 */
export class SingleClassError extends ModelFitError {
    detail;
    constructor(
    /** What holds a single class, without the table's name. */
    detail, table) {
        super(`${table}: ${detail}`);
        this.detail = detail;
    }
}
/** A model artifact that is not what churnkit wrote: names the file and the field. */
export class ArtifactError extends ChurnkitError {
    field;
    problem;
    source;
    constructor(field, problem, source = 'model artifact') {
        super(`${source}: field ${field} ${problem}`, 2);
        this.field = field;
        this.problem = problem;
        this.source = source;
    }
}
//# sourceMappingURL=errors.js.map