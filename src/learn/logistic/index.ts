import type { FamilyDefinition } from '../families.js';
import { ArtifactError } from '../errors.js';
import { LOGISTIC_PARAMS, LogisticModel, type LogisticState } from './model.js';

export { LogisticModel, LOGISTIC_PARAMS, type LogisticState, type CoefficientRow } from './model.js';

function numberArray(value: unknown, field: string, length?: number): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    throw new ArtifactError(field, 'must be an array of finite numbers');
  if (length !== undefined && value.length !== length)
    throw new ArtifactError(field, `must have ${length} entries, has ${value.length}`);
  return value as number[];
}

/** Checks the parts of a stored state that prediction relies on. */
export function checkLogisticState(state: unknown): LogisticState {
  if (typeof state !== 'object' || state === null) throw new ArtifactError('logistic', 'must be an object');
  const s = state as Record<string, unknown>;
  const names = s['names'];
  if (!Array.isArray(names) || names.some((v) => typeof v !== 'string'))
    throw new ArtifactError('logistic.names', 'must be an array of strings');
  if (typeof s['intercept'] !== 'number' || !Number.isFinite(s['intercept']))
    throw new ArtifactError('logistic.intercept', 'must be a finite number');
  numberArray(s['coefficients'], 'logistic.coefficients', names.length);
  numberArray(s['center'], 'logistic.center', names.length);
  numberArray(s['scale'], 'logistic.scale', names.length);
  if (!Array.isArray(s['table'])) throw new ArtifactError('logistic.table', 'must be an array');
  if (!Array.isArray(s['dropped'])) throw new ArtifactError('logistic.dropped', 'must be an array');
  if (typeof s['fit'] !== 'object' || s['fit'] === null) throw new ArtifactError('logistic.fit', 'must be an object');
  return state as LogisticState;
}

export const logisticFamily: FamilyDefinition = {
  name: 'logistic',
  description: 'logistic regression by exact (penalized) maximum likelihood, with a coefficient table',
  inputs: { impute: true, missingIndicators: true, standardize: false },
  params: LOGISTIC_PARAMS,
  usesValidation: false,
  crossFits: true,
  // Maximum likelihood is calibrated in-sample already; recalibrating costs the model its latest rows.
  defaultCalibration: 'none',
  create: (params) => new LogisticModel(params),
  restore: (state, params) => LogisticModel.fromState(checkLogisticState(state), params),
};
