/**
 * The model artifact on disk (docs/model-artifact.md): written as deterministic, indented JSON
 * (key order fixed, numbers in shortest round-trip form, so a load gives back the same bits) and
 * read back through a zod schema per family whose failures name the first bad field.
 *
 * Version 2, which churnkit writes:
 *   {kind, version: 2, family, params, state, preprocessing, calibration, diagnostics, provenance}
 * - `state`: what the family needs to predict and explain, checked by its schema (logistic/state.ts,
 *   gbdt/state.ts, mlp/state.ts);
 * - `preprocessing.inputs`: the raw columns the model reads (version 1 repeated them as `features`);
 * - `diagnostics`: `metrics` (train and held-out) and how the fit went (coefficient table,
 *   importance, epochs), each once;
 * - `provenance`: where the model came from, with the training choices and row split (`training`).
 * Version 1 (top-level `features`, `metrics`, `training` and the state under the family's name)
 * still loads: it is checked as it was, then moved into the version-2 shape.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  ChurnkitError,
  formatJson,
  publishedSchema,
  signArtifact,
  verifyArtifact,
  writeFileAtomic,
} from '../util/index.js';
import { ArtifactError } from './errors.js';
import type { StateOf } from './families.js';
import { AUTO_STATE } from './auto/state.js';
import { GBDT_STATE } from './gbdt/state.js';
import { LOGISTIC_STATE } from './logistic/state.js';
import { MLP_STATE } from './mlp/state.js';
import type { Calibration, ModelFamily, Preprocessing, Provenance, SliceInfo, TrainingRecord } from './model.js';
import { checkWith, finiteNumber, finiteNumbers, nonNegativeInteger, PREPROCESSING, strings } from './schema.js';

export const MODEL_ARTIFACT_VERSION = 2;

const date = z.string().regex(/^\d{4}-\d\d-\d\d$/, { error: 'must be a date (YYYY-MM-DD)' });

const SLICE: z.ZodType<SliceInfo> = z
  .strictObject({
    rows: nonNegativeInteger,
    positives: z.number().nonnegative({ error: 'must be >= 0' }),
    as_of_from: date.optional(),
    as_of_to: date.optional(),
  })
  .meta({ id: 'slice', description: 'the rows a calibration was fitted on' });

const CALIBRATION: z.ZodType<Calibration> = z
  .discriminatedUnion('method', [
    z.strictObject({ method: z.literal('none') }),
    z.strictObject({ method: z.literal('platt'), a: finiteNumber, b: finiteNumber, fitted_on: SLICE }),
    z
      .strictObject({
        method: z.literal('isotonic'),
        x: finiteNumbers.min(1, { error: 'must not be empty' }),
        y: finiteNumbers.min(1, { error: 'must not be empty' }),
        fitted_on: SLICE,
      })
      .superRefine((c, ctx) => {
        if (c.x.length !== c.y.length)
          ctx.addIssue({ code: 'custom', path: ['y'], message: 'must have as many points as calibration.x' });
      }),
  ])
  .meta({ id: 'calibration', description: 'the map from the margin to the churn probability' });

const TRAINING: z.ZodType<TrainingRecord> = z.strictObject({
  split: z.strictObject({
    labeled_rows: nonNegativeInteger,
    censored_rows: nonNegativeInteger,
    train_rows: nonNegativeInteger,
    holdout_rows: nonNegativeInteger,
    embargoed_rows: nonNegativeInteger,
    by: z.enum(['none', 'time', 'row_order', 'cross_fit']),
    holdout_from: z.string().optional(),
    holdout_to: z.string().optional(),
  }),
  cross_fit: z
    .strictObject({
      folds: z.array(
        z.strictObject({
          from: z.string(),
          to: z.string(),
          train_rows: nonNegativeInteger,
          validation_rows: nonNegativeInteger,
          embargoed_rows: nonNegativeInteger,
          skipped: z.string().optional(),
        }),
      ),
      out_of_fold_rows: nonNegativeInteger,
      rounds: z.number().int().positive().optional(),
      validation_log_loss: finiteNumber.optional(),
    })
    .optional()
    .describe('time-ordered cross-fitting: its folds, the rounds chosen and the out-of-fold rows'),
  class_weight: z.enum(['none', 'balanced']),
  missing: z.enum(['indicator', 'mean']),
  time_column: z.string().nullable(),
});

const PROVENANCE: z.ZodType<Provenance> = z
  .strictObject({
    churnkit_version: z.string(),
    label: z.string(),
    rows: nonNegativeInteger,
    positives: z.number().nonnegative({ error: 'must be >= 0' }),
    as_of_from: date.optional(),
    as_of_to: date.optional(),
    horizon_days: z.number().optional(),
    data_fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 hex digest' }),
    seed: z.number().optional(),
    training: TRAINING.describe('the training choices and the row split'),
  })
  .meta({
    id: 'provenance',
    description: 'where the model came from; no wall-clock time, so the same data and seed give the same bytes',
  });

/** How the fit went: metrics by slice, then the family's own (coefficient table, importance, epochs). */
export interface Diagnostics {
  metrics: Record<string, unknown>;
  [fromFamily: string]: unknown;
}

const DIAGNOSTICS: z.ZodType<Diagnostics> = z
  .looseObject({
    metrics: z
      .record(z.string(), z.record(z.string(), z.number().nullable()))
      .describe('binary metrics per slice (train, holdout_uncalibrated, holdout_calibrated); null where undefined'),
  })
  .meta({ id: 'diagnostics', description: "metrics, then how the fit went in the family's own terms" });

/** A version-2 artifact, whichever the family; `family` says which state `state` is. */
export interface ModelArtifact {
  kind: 'churnkit.model';
  version: 2;
  family: ModelFamily;
  params: Record<string, unknown>;
  state: StateOf<ModelFamily>;
  preprocessing: Preprocessing;
  calibration: Calibration;
  diagnostics: Diagnostics;
  provenance: Provenance;
}

function artifactSchema<const F extends ModelFamily, S extends z.ZodType>(family: F, state: S) {
  return z.strictObject({
    kind: z.literal('churnkit.model'),
    version: z.literal(MODEL_ARTIFACT_VERSION),
    family: z.literal(family),
    params: z
      .record(z.string(), z.unknown())
      .describe(`every hyperparameter of the ${family} family with defaults filled in (checked by the family)`),
    state: state.describe(`the learned state of the ${family} model`),
    preprocessing: PREPROCESSING,
    calibration: CALIBRATION,
    diagnostics: DIAGNOSTICS,
    provenance: PROVENANCE,
    checksum: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, { error: 'must be sha256: and 64 hex digits' })
      .optional()
      .describe(
        'SHA-256 of the artifact without this field (compact JSON, keys in file order); churnkit checks it on load, `churnkit artifact rehash` re-signs a hand edit',
      ),
  });
}

/** Each family's state schema; the artifact's schemas and the version-1 reader use them. */
const STATES = { logistic: LOGISTIC_STATE, gbdt: GBDT_STATE, mlp: MLP_STATE, auto: AUTO_STATE } as const;

const ARTIFACTS = {
  logistic: artifactSchema('logistic', LOGISTIC_STATE),
  gbdt: artifactSchema('gbdt', GBDT_STATE),
  mlp: artifactSchema('mlp', MLP_STATE),
  auto: artifactSchema('auto', AUTO_STATE),
} as const;

/** Version 1 as it was checked before version 2; its state is checked by the family's schema. */
const VERSION_1 = z.looseObject({
  kind: z.literal('churnkit.model'),
  version: z.literal(1),
  family: z.string(),
  features: strings,
  preprocessing: z.unknown(),
  params: z.record(z.string(), z.unknown()),
  calibration: z.unknown(),
  provenance: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.unknown()),
  training: z.record(z.string(), z.unknown()),
  diagnostics: z.record(z.string(), z.unknown()).optional(),
});

const HEAD = z.looseObject({
  kind: z.literal('churnkit.model'),
  version: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2 (this churnkit reads versions 1 and 2)' }),
  family: z.string(),
});

function isFamily(name: string): name is ModelFamily {
  return Object.hasOwn(STATES, name);
}

function knownFamily(name: string, source: string): ModelFamily {
  if (!isFamily(name))
    throw new ArtifactError('family', `is "${name}", not one of ${Object.keys(STATES).join(', ')}`, source);
  return name;
}

/** A version-1 artifact moved into the version-2 shape (not yet checked as version 2). */
function fromVersion1(value: unknown, source: string): Record<string, unknown> {
  const v1 = checkWith(VERSION_1, value, '', source);
  const family = knownFamily(v1.family, source);
  const stored = v1[family];
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored))
    throw new ArtifactError(family, `is missing: the learned state of a ${family} model`, source);
  // Version 1 kept diagnostics inside the state too (logistic: table, fit, dropped; mlp: training;
  // gbdt: rounds); version 2 keeps what the state schema names and finds the rest in diagnostics.
  const schema = STATES[family];
  const state = Object.fromEntries(Object.entries(stored).filter(([key]) => key in schema.shape));
  checkWith<unknown>(schema, state, family, source);
  const preprocessing = checkWith(PREPROCESSING, v1.preprocessing, 'preprocessing', source);
  const inputs = preprocessing.inputs.map((i) => i.name);
  if (inputs.length !== v1.features.length || inputs.some((name, j) => name !== v1.features[j]))
    throw new ArtifactError('features', `must be the names of preprocessing.inputs (${inputs.join(', ')})`, source);
  return {
    kind: v1.kind,
    version: MODEL_ARTIFACT_VERSION,
    family,
    params: v1.params,
    state,
    preprocessing,
    calibration: v1.calibration,
    diagnostics: { metrics: v1.metrics, ...v1.diagnostics },
    provenance: { ...v1.provenance, training: v1.training },
  };
}

/**
 * Checks an object read from JSON, version 1 or 2, and returns it as version 2; `source` (a
 * path) goes into the error message.
 */
export function validateModelArtifact(value: unknown, source = 'model artifact'): ModelArtifact {
  const head = checkWith(HEAD, value, '', source);
  const v2 = head.version === 1 ? fromVersion1(value, source) : value;
  const family = knownFamily(head.family, source);
  return checkWith<ModelArtifact>(ARTIFACTS[family], v2, '', source);
}

export async function readModelArtifact(path: string): Promise<ModelArtifact> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ChurnkitError(`${path}: no such model artifact`, 2);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ChurnkitError(`${path}: not JSON (${(err as Error).message})`, 2);
  }
  // The checksum first: a model churnkit wrote and someone changed (coefficients x10) is refused.
  return validateModelArtifact(verifyArtifact(value, path).content, path);
}

/**
 * Indented JSON with a final newline, signed with its checksum, arrays of numbers on one line
 * (formatJson); NaN and infinities (never expected) would become null.
 */
export function serializeModelArtifact(a: ModelArtifact): string {
  return `${formatJson(signArtifact(a))}\n`;
}

export async function writeModelArtifact(path: string, a: ModelArtifact): Promise<void> {
  await writeFileAtomic(path, serializeModelArtifact(a));
}

export const MODEL_SCHEMA_ID = 'https://churnkit.dev/schemas/model.schema.json';

/** The JSON Schema of a version-2 artifact (draft 2020-12), as published in models/model.schema.json. */
export function modelJsonSchema(): object {
  const union = z.discriminatedUnion('family', [ARTIFACTS.logistic, ARTIFACTS.gbdt, ARTIFACTS.mlp, ARTIFACTS.auto]);
  return publishedSchema(z.toJSONSchema(union, { target: 'draft-2020-12' }), {
    id: MODEL_SCHEMA_ID,
    title: 'churnkit model',
    description:
      'A trained churn model (version 2): hyperparameters, the learned state of its family, preprocessing, calibration, diagnostics and provenance. ' +
      'Also checked by churnkit (not expressible here): array lengths that must agree (coefficients and names, tree arrays, kernels and layer widths, ' +
      'impute and outputs), tree children after their parent, and every parameter against its family (`churnkit train --help`). ' +
      'churnkit still reads version-1 artifacts (state under the family name, top-level features and metrics) and writes version 2.',
  });
}
