import { UsageError } from '../util/index.js';

/**
 * Hyperparameter specs shared by every family, so that `--param key=value` from the CLI and
 * objects from code are checked the same way and the artifact records every value with its
 * default filled in. A family writes its specs `as const satisfies ParamSpecs`, and its params
 * type is inferred from them (ParamsOf), so a spec and the type it gives cannot drift apart.
 */
export type ParamSpec =
  | { type: 'number'; default: number; min?: number; max?: number; description: string }
  | { type: 'integer'; default: number; min?: number; max?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'choice'; default: string; choices: readonly string[]; description: string }
  /** A list of numbers, e.g. hidden layer sizes or monotone constraints; `a,b,c` on the CLI. */
  | { type: 'numbers'; default: readonly number[]; description: string };

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The value one spec admits: a choice spec gives the union of its choices. */
export type ParamValue<S extends ParamSpec> = S extends { type: 'number' | 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'choice'; choices: readonly (infer C extends string)[] }
      ? C
      : number[];

/** The complete, checked hyperparameters a family's specs describe (what readParams returns). */
export type ParamsOf<S extends ParamSpecs> = { -readonly [K in keyof S]: ParamValue<S[K]> };

/**
 * Checks `given` against `specs` and returns every parameter in the specs' order with defaults
 * filled in. Strings (from `--param k=v`) are converted; unknown keys are a usage error that
 * lists the known ones.
 */
export function readParams<const S extends ParamSpecs>(
  family: string,
  specs: S,
  given: Readonly<Record<string, unknown>> = {},
): ParamsOf<S> {
  for (const key of Object.keys(given)) {
    if (!(key in specs)) {
      throw new UsageError(`unknown parameter ${key} for ${family} (known: ${Object.keys(specs).join(', ')})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const raw = given[key];
    out[key] = raw === undefined ? copy(spec.default) : convert(family, key, spec, raw);
  }
  // The one place a spec's type meets its runtime check: convert() returned, for every key of
  // `specs`, a value of the type ParamValue gives that spec, which TypeScript cannot follow
  // through Object.entries.
  return out as ParamsOf<S>;
}

/** Defaults are shared by every model; a list default is copied so no model can change it. */
function copy(value: ParamSpec['default']): unknown {
  return Array.isArray(value) ? [...value] : value;
}

function convert(family: string, key: string, spec: ParamSpec, raw: unknown): unknown {
  const bad = (why: string) => new UsageError(`parameter ${key} of ${family} ${why}, got ${JSON.stringify(raw)}`);
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('must be a finite number');
      if (spec.type === 'integer' && !Number.isInteger(v)) throw bad('must be an integer');
      if (spec.min !== undefined && v < spec.min) throw bad(`must be >= ${spec.min}`);
      if (spec.max !== undefined && v > spec.max) throw bad(`must be <= ${spec.max}`);
      return v;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw bad('must be true or false');
    }
    case 'choice': {
      if (typeof raw !== 'string' || !spec.choices.includes(raw))
        throw bad(`must be one of ${spec.choices.join(', ')}`);
      return raw;
    }
    case 'numbers': {
      const list =
        typeof raw === 'string' ? (raw.trim() === '' ? [] : raw.split(',').map((s) => Number(s.trim()))) : raw;
      if (!isNumberList(list)) throw bad('must be a comma-separated list of numbers');
      return [...list];
    }
  }
}

function isNumberList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Parses repeated `key=value` CLI strings into an object (values stay strings; readParams converts). */
export function parseParamAssignments(assignments: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param expects key=value, got "${a}"`);
    const key = a.slice(0, eq).trim();
    if (key in out) throw new UsageError(`--param ${key} is given twice`);
    out[key] = a.slice(eq + 1).trim();
  }
  return out;
}
