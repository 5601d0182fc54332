/**
 * The scorecard artifact (`kind: "churnkit.scorecard"`, `version: 1`) as a zod schema. The
 * published JSON Schema (models/scorecard.schema.json) is generated from it; rules that JSON
 * Schema cannot say (weights summing to 1, bands that tile the number line, monotone points)
 * live in validate.ts. Everything here is declarative data so that the same card compiles to
 * one SQL query (export-sql) with equal scores.
 */
import { z } from 'zod';
import { publishedSchema } from '../util/index.js';

export const COMPARISON_OPS = ['<', '<=', '>', '>=', '=', '!='] as const;
export const NULL_OPS = ['is_null', 'not_null'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type NullOp = (typeof NULL_OPS)[number];

const Name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier (letters, digits, _)');
const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
const Points = z.number().min(0).max(100);
const Fraction = z.number().min(0).max(1);
const Interval = z.tuple([z.number(), z.number()]).describe('bootstrap 90% interval [5th, 95th percentile]');

/** A comparison of one signal with a constant; NULL signals never satisfy one (SQL semantics). */
const SignalTest = z.strictObject({
  signal: Name.describe('a feature-table column: feature, signal or segment'),
  op: z.enum([...COMPARISON_OPS, ...NULL_OPS]),
  value: z.union([z.number(), z.boolean(), z.string()]).optional().describe('required unless op is is_null/not_null'),
});

/** A comparison of the score as it stands when the override's stage begins (see README). */
const ScoreTest = z.strictObject({
  score: z.strictObject({ op: z.enum(['<', '<=', '>', '>=']), value: Points }),
});

export type Condition =
  | { signal: string; op: ComparisonOp | NullOp; value?: number | boolean | string }
  | { score: { op: '<' | '<=' | '>' | '>='; value: number } }
  | { all: Condition[] }
  | { any: Condition[] };

export const ConditionSchema: z.ZodType<Condition> = z.union([
  SignalTest,
  ScoreTest,
  z.strictObject({
    get all() {
      return z.array(ConditionSchema).min(1);
    },
  }),
  z.strictObject({
    get any() {
      return z.array(ConditionSchema).min(1);
    },
  }),
]);

/**
 * One band of a piecewise-constant points function. A missing lower (upper) edge means -inf
 * (+inf); `gt`/`gte` and `lt`/`lte` say whether the edge itself belongs to the band.
 */
export const PointsBandSchema = z.strictObject({
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  points: Points,
  label: z.string().optional(),
  /** Filled by calibrate: rows and churn rate of the band in the fitting slice. */
  rows: z.number().int().min(0).optional(),
  churn_rate: Fraction.optional(),
});

/** Points that apply before the bands when a condition holds (e.g. zero usage = 0 points). */
export const PointsRuleSchema = z.strictObject({
  when: ConditionSchema,
  points: Points,
  label: z.string().optional(),
});

export const MissingSchema = z.discriminatedUnion('policy', [
  z
    .strictObject({ policy: z.literal('redistribute') })
    .describe('the signal drops out and its weight goes to the present signals of its layer'),
  z.strictObject({ policy: z.literal('points'), points: Points }).describe('a missing value earns these points'),
]);

export const SignalSchema = z.strictObject({
  feature: Name,
  weight: Fraction.describe('share of the layer; the signals of a layer sum to 1'),
  direction: z.enum(['higher_is_safer', 'higher_is_riskier']),
  points: z.array(PointsBandSchema).min(1).describe('bands in increasing order of the value, tiling the number line'),
  rules: z.array(PointsRuleSchema).optional(),
  missing: MissingSchema,
  description: z.string().optional(),
  weight_ci90: Interval.optional(),
});

export const LayerSchema = z.strictObject({
  name: Name,
  weight: Fraction.describe('share of the composite; the layers sum to 1'),
  signals: z.array(SignalSchema).min(1),
  description: z.string().optional(),
  weight_ci90: Interval.optional(),
});

export const OverrideSchema = z.strictObject({
  id: Id,
  when: ConditionSchema,
  action: z.enum(['set', 'cap', 'flag']),
  value: Points.optional().describe('the score to set, or the cap; required for set and cap'),
  flag: Id.optional().describe('the flag raised; required for flag (escalate feeds ScoreResult.escalate)'),
  description: z.string().optional(),
});

export const ThresholdsSchema = z.strictObject({
  green: Points.describe('GREEN when score >= green'),
  yellow: Points.describe('YELLOW when yellow <= score < green, RED below'),
});

export const BandsSchema = z.strictObject({
  green: Points,
  yellow: Points,
  segments: z
    .record(z.string(), ThresholdsSchema)
    .optional()
    .describe('thresholds for accounts of a segment; others use the defaults'),
  known_segments: z
    .array(z.string())
    .optional()
    .describe(
      'every segment the card was fitted on (with or without thresholds of its own); an account of another segment is scored with the default thresholds and a warning. Absent: no check',
    ),
  method: z.string().optional(),
});

/**
 * One segment's own weights: every layer of the card by name, each with its weight and every one
 * of its signals' weights (shares within the layer), both levels summing to 1 as the card's do.
 * Points, rules, missing policies and overrides stay the card's.
 */
export const SegmentWeightsSchema = z.strictObject({
  layers: z
    .record(
      Name,
      z.strictObject({
        weight: Fraction.describe("the layer's share of the composite for this segment"),
        signals: z.record(Name, Fraction).describe('every signal of the layer by feature: its share within the layer'),
      }),
    )
    .describe('every layer of the card by name'),
  churners: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      "churners of the segment in the fit slice (calibrate --by segment): the evidence behind the segment's own fit",
    ),
  rows: z.number().int().min(0).optional().describe('rows of the segment in the fit slice'),
  own_share: Fraction.optional().describe(
    "how much of these weights is the segment's own fit, churners / (churners + pooling); the rest is the global weights",
  ),
});

const SliceSchema = z.looseObject({
  rows: z.number().int().min(0),
  positives: z.number().int().min(0),
  as_of_from: z.string().optional(),
  as_of_to: z.string().optional(),
});

export const ProbabilitySchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z
    .strictObject({
      method: z.literal('isotonic'),
      x: z.array(Points).min(1).describe('scores, strictly increasing'),
      y: z
        .array(Fraction)
        .min(1)
        .describe('churn probability at each x, non-increasing; linear in between, constant outside'),
      fitted_on: SliceSchema.optional(),
    })
    .describe('piecewise-linear map from score to probability'),
]);

export const ProvenanceSchema = z.looseObject({
  churnkit_version: z.string(),
  source: z.enum(['default', 'calibrate', 'manual']),
});

export const ScorecardSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('churnkit.scorecard'),
  version: z.literal(1),
  name: z.string().optional(),
  description: z.string().optional(),
  layers: z.array(LayerSchema).min(1),
  no_data_score: Points.describe('the composite when every layer is missing'),
  min_coverage: Fraction.optional().describe(
    'below this share of the signal weight present, an account is insufficient_data: no score, band or probability is given (default 0.5)',
  ),
  overrides: z.array(OverrideSchema),
  bands: BandsSchema,
  segment_weights: z
    .record(z.string(), SegmentWeightsSchema)
    .optional()
    .describe(
      "layer and signal weights for accounts of a segment (matched as bands.segments are); other accounts use the card's weights",
    ),
  segment_pooling: z
    .number()
    .min(0)
    .optional()
    .describe(
      'calibrate --by segment: k in own_share = churners / (churners + k), the churners a segment needs before its own fit counts as much as the global one',
    ),
  probability: ProbabilitySchema,
  provenance: ProvenanceSchema,
  model: z
    .looseObject({
      kind: z.literal('churnkit.model'),
      version: z.union([z.literal(1), z.literal(2)]),
      family: z.string(),
    })
    .optional()
    .describe(
      'an embedded churnkit.model artifact (models/model.schema.json; version 1 still loads); scores never depend on it',
    ),
  checksum: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .optional()
    .describe(
      'SHA-256 of the artifact without this field (compact JSON, keys in file order); churnkit checks it on load, `churnkit artifact rehash` re-signs a hand edit',
    ),
});

export type Scorecard = z.infer<typeof ScorecardSchema>;
export type ScorecardLayer = Scorecard['layers'][number];
export type ScorecardSignal = ScorecardLayer['signals'][number];
export type PointsBand = z.infer<typeof PointsBandSchema>;
export type Override = z.infer<typeof OverrideSchema>;
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type SegmentWeights = z.infer<typeof SegmentWeightsSchema>;
export type ProbabilityMap = z.infer<typeof ProbabilitySchema>;

export const SCORECARD_SCHEMA_ID = 'https://churnkit.dev/schemas/scorecard.schema.json';

/** The JSON Schema of the artifact (draft 2020-12), as published in models/scorecard.schema.json. */
export function scorecardJsonSchema(): object {
  return publishedSchema(z.toJSONSchema(ScorecardSchema, { target: 'draft-2020-12' }), {
    id: SCORECARD_SCHEMA_ID,
    title: 'churnkit scorecard',
    description:
      'A layered health scorecard: points per signal by bands, weights, missing-value policy, overrides, RAG bands and a score-to-probability map. ' +
      'Also checked by churnkit (not expressible here): weights sum to 1 at each level, bands tile the number line, points are monotone in the signal direction.',
  });
}
