/**
 * The auto family (model.ts): logistic, monotone gbdt or their blend, chosen per fit by
 * time-ordered inner validation.
 */
import type { FamilyDefinition } from '../families.js';
import { ArtifactError } from '../errors.js';
import { checkGbdtState } from '../gbdt/index.js';
import { checkLogisticState } from '../logistic/index.js';
import { AUTO_PARAMS, AutoModel, type AutoState } from './model.js';

export { AutoModel, AUTO_PARAMS, documentedMonotone, type AutoState, type AutoChoice } from './model.js';

function checkState(state: unknown): AutoState {
  if (typeof state !== 'object' || state === null) throw new ArtifactError('auto', 'must be an object');
  const s = state as Record<string, unknown>;
  if (s['format'] !== 'churnkit.auto' || s['version'] !== 1)
    throw new ArtifactError('auto.format', 'must be "churnkit.auto" version 1');
  const choice = s['choice'];
  if (choice !== 'logistic' && choice !== 'gbdt' && choice !== 'blend')
    throw new ArtifactError('auto.choice', 'must be logistic, gbdt or blend');
  if (choice !== 'gbdt') {
    const member = s['logistic'] as Record<string, unknown> | undefined;
    if (!member || typeof member['preprocessing'] !== 'object')
      throw new ArtifactError('auto.logistic', 'must hold preprocessing and state');
    checkLogisticState(member['state']);
  }
  if (choice !== 'logistic') {
    const member = s['gbdt'] as Record<string, unknown> | undefined;
    if (!member) throw new ArtifactError('auto.gbdt', 'must hold state');
    checkGbdtState(member['state']);
  }
  if (choice === 'blend') {
    const b = s['blend'] as Record<string, unknown> | undefined;
    for (const key of ['intercept', 'logistic', 'gbdt'])
      if (typeof b?.[key] !== 'number' || !Number.isFinite(b[key]))
        throw new ArtifactError(`auto.blend.${key}`, 'must be a finite number');
  }
  return state as AutoState;
}

export const autoFamily: FamilyDefinition = {
  name: 'auto',
  description:
    'logistic, gbdt with monotone constraints from the documented feature directions, or their blend, chosen by time-ordered inner validation',
  // gbdt's inputs (NaN kept); the logistic member imputes them itself.
  inputs: { impute: false, missingIndicators: false, standardize: false },
  params: AUTO_PARAMS,
  usesValidation: false,
  crossFits: false,
  fitsOutOfFold: true,
  defaultCalibration: 'none',
  create: (params, seed) => new AutoModel(params, seed),
  restore: (state, params) => AutoModel.fromState(checkState(state), params),
};
