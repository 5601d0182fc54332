import { ChurnkitError } from '../util/index.js';

/**
 * A model that cannot be fitted to this data as asked (separated classes, collinear columns,
 * a single class): exit 2 like other input problems, with the columns to look at.
 */
export class ModelFitError extends ChurnkitError {
  constructor(
    message: string,
    readonly columns: readonly string[] = [],
  ) {
    super(message, 2);
  }
}

/** A model artifact that is not what churnkit wrote: names the file and the field. */
export class ArtifactError extends ChurnkitError {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly source = 'model artifact',
  ) {
    super(`${source}: field ${field} ${problem}`, 2);
  }
}
