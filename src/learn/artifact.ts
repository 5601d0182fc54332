/**
 * The model artifact of DESIGN.md §8 on disk: written as deterministic, indented JSON (key
 * order fixed, numbers in shortest round-trip form, so a load gives back the same bits) and read
 * back with validation that names the first bad field.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ModelArtifact } from './model.js';
import { ArtifactError } from './errors.js';
import { signArtifact, verifyArtifact, writeFileAtomic } from '../util/index.js';
import { ChurnkitError } from '../util/index.js';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const slice = z.looseObject({
  rows: z.number().int().nonnegative(),
  positives: z.number().nonnegative(),
  as_of_from: z.string().optional(),
  as_of_to: z.string().optional(),
});

const inputColumn = z.discriminatedUnion('kind', [
  z.looseObject({ name: z.string(), kind: z.literal('numeric') }),
  z.looseObject({ name: z.string(), kind: z.literal('categorical'), levels: z.array(z.string()) }),
]);

const artifactSchema = z.looseObject({
  kind: z.literal('churnkit.model'),
  version: z.literal(1),
  family: z.string(),
  features: z.array(z.string()),
  preprocessing: z.looseObject({
    inputs: z.array(inputColumn),
    outputs: z.array(z.string()),
    missing_indicators: z.array(z.string()).optional(),
    impute: z.array(finite).optional(),
    standardize: z.looseObject({ center: z.array(finite), scale: z.array(finite) }).optional(),
  }),
  params: z.record(z.string(), z.unknown()),
  calibration: z.discriminatedUnion('method', [
    z.looseObject({ method: z.literal('none') }),
    z.looseObject({ method: z.literal('platt'), a: finite, b: finite, fitted_on: slice }),
    z.looseObject({
      method: z.literal('isotonic'),
      x: z.array(finite).min(1),
      y: z.array(finite).min(1),
      fitted_on: slice,
    }),
  ]),
  provenance: z.looseObject({
    churnkit_version: z.string(),
    label: z.string(),
    rows: z.number().int().nonnegative(),
    positives: z.number().nonnegative(),
    data_fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  }),
  metrics: z.record(z.string(), z.unknown()),
});

/** Checks an object read from JSON; `source` (a path) goes into the error message. */
export function validateModelArtifact(value: unknown, source = 'model artifact'): ModelArtifact {
  const r = artifactSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.length
      ? issue.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
          .join('.')
          .replace(/\.\[/g, '[')
      : '(top level)';
    throw new ArtifactError(field, issue.message.replace(/^Invalid input: /, ''), source);
  }
  const a = value as ModelArtifact;
  const prep = a.preprocessing;
  const width = prep.outputs.length;
  if (prep.impute && prep.impute.length !== width)
    throw new ArtifactError('preprocessing.impute', `must have one entry per output (${width})`, source);
  if (prep.standardize && (prep.standardize.center.length !== width || prep.standardize.scale.length !== width)) {
    throw new ArtifactError(
      'preprocessing.standardize',
      `must have one centre and scale per output (${width})`,
      source,
    );
  }
  if (a.calibration.method === 'isotonic' && a.calibration.x.length !== a.calibration.y.length)
    throw new ArtifactError('calibration.y', 'must have as many points as calibration.x', source);
  if (!(a.family in a))
    throw new ArtifactError(a.family, `is missing: the learned state of a ${a.family} model`, source);
  return a;
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

/** Indented JSON with a final newline, signed with its checksum; NaN and infinities (never expected) would become null. */
export function serializeModelArtifact(a: ModelArtifact): string {
  return `${JSON.stringify(signArtifact(a), null, 2)}\n`;
}

export async function writeModelArtifact(path: string, a: ModelArtifact): Promise<void> {
  await writeFileAtomic(path, serializeModelArtifact(a));
}
