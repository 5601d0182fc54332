/**
 * The gbdt family: histogram gradient-boosted trees (see model.ts), registered with the
 * training pipeline through `gbdtFamily`.
 */
import type { FamilyDefinition } from '../families.js';
import { ArtifactError } from '../errors.js';
import { GbdtModel, type GbdtState } from './model.js';
import { GBDT_PARAMS } from './params.js';
import type { TreeJSON } from './tree.js';

export { GbdtModel, type GbdtState, type FeatureImportance } from './model.js';
export { GBDT_PARAMS, type GbdtParams } from './params.js';
export { Tree, type TreeJSON } from './tree.js';

const TREE_FIELDS = ['feature', 'threshold', 'default_left', 'left', 'right', 'value', 'cover', 'gain'] as const;

function checkTree(t: unknown, at: string, inputs: number): TreeJSON {
  if (typeof t !== 'object' || t === null) throw new ArtifactError(at, 'must be an object');
  const tree = t as Record<string, unknown>;
  let size = -1;
  for (const field of TREE_FIELDS) {
    const a = tree[field];
    if (!Array.isArray(a) || a.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
      throw new ArtifactError(`${at}.${field}`, 'must be an array of finite numbers');
    if (size < 0) size = a.length;
    else if (a.length !== size)
      throw new ArtifactError(`${at}.${field}`, `must have ${size} entries like ${at}.feature, has ${a.length}`);
  }
  if (size < 1) throw new ArtifactError(`${at}.feature`, 'must not be empty');
  const { feature, left, right } = tree as unknown as TreeJSON;
  for (let i = 0; i < size; i++) {
    const f = feature[i]!;
    if (f === -1) continue;
    if (!Number.isInteger(f) || f < 0 || f >= inputs)
      throw new ArtifactError(`${at}.feature[${i}]`, `must be -1 or an input index below ${inputs}`);
    // Children come after their parent, which also rules out cycles.
    for (const [name, c] of [
      ['left', left[i]!],
      ['right', right[i]!],
    ] as const) {
      if (!Number.isInteger(c) || c <= i || c >= size)
        throw new ArtifactError(`${at}.${name}[${i}]`, `must be a node index after ${i} and below ${size}`);
    }
  }
  return tree as unknown as TreeJSON;
}

/** Checks the parts of a stored state that prediction relies on. */
export function checkGbdtState(state: unknown): GbdtState {
  if (typeof state !== 'object' || state === null) throw new ArtifactError('gbdt', 'must be an object');
  const s = state as Record<string, unknown>;
  if (s['format'] !== 'churnkit.gbdt' || s['version'] !== 1)
    throw new ArtifactError('gbdt.format', 'must be "churnkit.gbdt" version 1');
  const names = s['names'];
  if (!Array.isArray(names) || names.length === 0 || names.some((v) => typeof v !== 'string'))
    throw new ArtifactError('gbdt.names', 'must be a non-empty array of strings');
  if (typeof s['base_score'] !== 'number' || !Number.isFinite(s['base_score']))
    throw new ArtifactError('gbdt.base_score', 'must be a finite number');
  for (const key of ['rounds', 'best_iteration']) {
    if (!Number.isInteger(s[key])) throw new ArtifactError(`gbdt.${key}`, 'must be an integer');
  }
  if (!Array.isArray(s['trees'])) throw new ArtifactError('gbdt.trees', 'must be an array');
  s['trees'].forEach((t, i) => checkTree(t, `gbdt.trees[${i}]`, names.length));
  return state as GbdtState;
}

export const gbdtFamily: FamilyDefinition = {
  name: 'gbdt',
  description:
    'histogram gradient-boosted trees on log loss (XGBoost-style), with monotone constraints and TreeSHAP reasons',
  // NaN goes down each split's learned default direction: no imputation, no indicators, no scaling.
  inputs: { impute: false, missingIndicators: false, standardize: false },
  params: GBDT_PARAMS,
  // Early stopping picks the number of trees on the later slice the pipeline holds out.
  usesValidation: true,
  wantsValidation: (params) => (params['early_stopping_rounds'] as number) > 0,
  crossFits: true,
  // Early-stopped on log loss, the margins are close to calibrated; calibrating on the same
  // slice that chose the trees would reuse it twice.
  defaultCalibration: 'none',
  create: (params, seed) => new GbdtModel(params, seed),
  restore: (state, params) => GbdtModel.fromState(checkGbdtState(state), params),
};
