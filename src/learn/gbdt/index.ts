/**
 * The gbdt family: histogram gradient-boosted trees (see model.ts), registered with the
 * training pipeline through `gbdtFamily`.
 */
import type { FamilyDefinition } from '../families.js';
import { checkWith } from '../schema.js';
import { workersWanted } from './booster.js';
import { GbdtModel } from './model.js';
import { GBDT_PARAMS } from './params.js';
import { threadKernelBytes, type WarmTask } from './parallel.js';
import { GBDT_STATE, type GbdtState } from './state.js';
import { openThreadSession } from './threads.js';

export { GbdtModel, type FeatureImportance } from './model.js';
export { GBDT_PARAMS, type GbdtParams } from './params.js';
export { Tree } from './tree.js';
export { GBDT_STATE, type GbdtState, type TreeJSON } from './state.js';

/** A stored state checked against GBDT_STATE; errors name the field under `at`. */
export function checkGbdtState(state: unknown, at = 'gbdt'): GbdtState {
  return checkWith(GBDT_STATE, state, at);
}

export const gbdtFamily: FamilyDefinition<'gbdt'> = {
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
  backtestCalibration: 'platt',
  // The worker thread starts while the table is read, and serves every fit of the run; the
  // kernels for as many inputs as columns (one-hot levels make more) are assembled meanwhile.
  openSession: (params, table) => {
    // A bound below AUTO_PARALLEL_CELLS says one thread as surely as the count would; above, a
    // worker is wanted as when nothing is known.
    const workers = workersWanted(
      typeof params['threads'] === 'number' ? params['threads'] : 0,
      table.rows === null ? (table.cellsAtMost ?? null) : table.rows * table.inputs,
    );
    const warm: WarmTask = { kind: 'warm', features: table.inputs, threads: workers + 1 };
    const session = openThreadSession(workers, workers > 0 ? warm : undefined);
    if (workers > 0) threadKernelBytes(warm.features, warm.threads);
    return session;
  },
  create: (params, seed) => new GbdtModel(params, seed),
  restore: (state, params) => GbdtModel.fromState(state, params),
};
