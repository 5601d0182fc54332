import { BANDS, SCORE_STATUSES } from '../scorecard/index.js';
import { MAX_AUTHOR_CHARS, MAX_REASON_CHARS } from '../history/index.js';
import { FEATURE_VALUE_RULES, FEATURES, SIGNALS, type SignalType } from '../features/index.js';

/** The bounds of a column's value rule (features/rules.ts), the same ones every command enforces. */
function bounds(name: string): { minimum?: number; maximum?: number } {
  const rule = FEATURE_VALUE_RULES[name];
  return {
    ...(rule?.min !== undefined ? { minimum: rule.min } : {}),
    ...(rule?.max !== undefined ? { maximum: rule.max } : {}),
  };
}

/**
 * The JSON Schemas of the HTTP API. The same objects validate requests (Fastify's Ajv),
 * serialize responses (fast-json-stringify) and make up /openapi.json, so the documentation
 * cannot drift from what the service enforces.
 */

export const MAX_BATCH = 10_000;
/** Rows of one columnar request: the columnar form is for bulk scoring, so it takes more. */
export const MAX_COLUMNAR_ROWS = 100_000;

/** The feature-table columns a request may carry besides the keys: segment, the ten features, the signals. */
export const INPUT_COLUMNS: readonly string[] = [
  'segment',
  ...FEATURES.map((f) => f.name),
  ...SIGNALS.map((s) => s.name),
];

const JSON_TYPE: Record<SignalType, string> = {
  boolean: 'boolean',
  integer: 'integer',
  number: 'number',
  text: 'string',
};

// ajv-formats' full `date` checks the shape and the calendar (no 2024-02-30), so no pattern.
const dateSchema = {
  type: 'string',
  format: 'date',
  description: 'as-of date, YYYY-MM-DD',
} as const;

function accountProperties(): Record<string, Record<string, unknown>> {
  const props: Record<string, Record<string, unknown>> = {
    account_id: { type: 'string', minLength: 1, maxLength: 256, description: 'the account key of the history dataset' },
    account_name: {
      type: ['string', 'null'],
      maxLength: 512,
      description: 'the account name, carried through to the answer (not scored)',
    },
    as_of: {
      ...dateSchema,
      description: 'the date the signals describe (default: the batch as_of, else today in UTC)',
    },
    segment: {
      type: ['string', 'null'],
      maxLength: 128,
      description: 'account segment; band thresholds may differ per segment',
    },
  };
  // What the readers check a value against (quick-check.ts Rule) is made from these, so they cannot drift apart.
  const typed = (name: string, type: string) => ({ type: [type, 'null'], ...bounds(name) });
  for (const f of FEATURES) {
    props[f.name] = {
      ...typed(f.name, 'number'),
      description: `feature rank ${f.rank} (${f.layer}): ${f.description}`,
    };
  }
  for (const s of SIGNALS) props[s.name] = { ...typed(s.name, JSON_TYPE[s.type]), description: s.description };
  return props;
}

/** One account to score: its key, optional as-of, and its features and signals (absent = missing). */
export const scoreRequestSchema = {
  $id: 'ScoreRequest',
  type: 'object',
  required: ['account_id'],
  additionalProperties: false,
  properties: accountProperties(),
} as const;

export const batchRequestSchema = {
  $id: 'BatchRequest',
  type: 'object',
  required: ['accounts'],
  additionalProperties: false,
  properties: {
    as_of: { ...dateSchema, description: 'as-of date for accounts that do not name their own' },
    accounts: { type: 'array', maxItems: MAX_BATCH, items: { $ref: 'ScoreRequest#' } },
  },
} as const;

/**
 * The same accounts as a batch, column by column: `columns.<name>` is the array of that field's
 * values, one per account. Far less JSON to parse per account than an array of objects.
 */
export const columnsRequestSchema = {
  $id: 'ColumnsRequest',
  type: 'object',
  required: ['columns'],
  additionalProperties: false,
  properties: {
    as_of: { ...dateSchema, description: 'as-of date for rows without their own as_of' },
    columns: {
      type: 'object',
      required: ['account_id'],
      additionalProperties: false,
      description: 'one array per field, all of the same length; an absent column is missing for every row',
      properties: Object.fromEntries(
        Object.entries(accountProperties()).map(([name, item]) => [
          name,
          { type: 'array', maxItems: MAX_COLUMNAR_ROWS, items: item },
        ]),
      ),
    },
  },
} as const;

const nullableNumber = { type: ['number', 'null'] } as const;

const reasonValue = {
  type: ['number', 'boolean', 'string', 'null'],
  description: "the account's value of the feature, as sent",
} as const;

const reasonDetail = {
  type: 'object',
  additionalProperties: false,
  required: ['feature', 'label', 'value', 'text'],
  properties: {
    feature: { type: 'string', description: 'feature-table column' },
    label: { type: 'string', description: 'its name for people, from the feature catalogue' },
    value: reasonValue,
    text: { type: 'string', description: 'one sentence saying the value, from the feature catalogue' },
  },
} as const;

export const scoreResultSchema = {
  $id: 'ScoreResult',
  type: 'object',
  required: [
    'account_id',
    'account_name',
    'as_of',
    'status',
    'coverage',
    'missing',
    'warnings',
    'score',
    'band',
    'probability',
    'layers',
    'overrides',
    'reasons',
    'reason_details',
    'escalate',
    'flags',
    'base_score',
    'model_probability',
    'model_reasons',
    'score_change',
    'previous',
  ],
  additionalProperties: false,
  properties: {
    account_id: { type: 'string' },
    account_name: { type: ['string', 'null'], description: 'as the request gave it' },
    as_of: { type: 'string', format: 'date' },
    status: {
      type: 'string',
      enum: [...SCORE_STATUSES],
      description:
        "insufficient_data when coverage is below the scorecard's min_coverage (default 0.5): score, band and probability are then null",
    },
    coverage: {
      type: 'number',
      description:
        "share of the scorecard's signal weight that was present (with a model alone: share of the model's columns)",
    },
    missing: { type: 'array', items: { type: 'string' }, description: 'columns the scorecard reads that were missing' },
    warnings: {
      type: 'array',
      items: { type: 'string' },
      description: 'what to know about this answer, e.g. a segment the scorecard was not fitted on',
    },
    score: { ...nullableNumber, description: 'composite health score, 0-100 (one decimal unless ?exact=true)' },
    band: { type: ['string', 'null'], enum: [...BANDS, null] },
    probability: {
      ...nullableNumber,
      description: 'churn probability within the horizon, from the scorecard map (or the model served alone)',
    },
    layers: {
      type: 'object',
      additionalProperties: nullableNumber,
      description: 'layer scores 0-100 (null when the layer had no signal)',
    },
    overrides: { type: 'array', items: { type: 'string' }, description: 'overrides fired' },
    reasons: { type: 'array', items: { type: 'string' }, description: 'signals losing the most points' },
    reason_details: { type: 'array', items: reasonDetail, description: 'the reasons in words' },
    escalate: { type: 'boolean', description: 'raised by the renewal-escalation override' },
    flags: {
      type: 'array',
      items: { type: 'string' },
      description: 'every flag raised by a flag override, escalate among them',
    },
    base_score: { ...nullableNumber, description: 'the composite before overrides' },
    model_probability: {
      ...nullableNumber,
      description:
        "the served model's calibrated churn probability, as churnkit predict gives it (null without a model)",
    },
    expansion_probability: {
      ...nullableNumber,
      description:
        'with serve --expansion-model: the probability of an expansion (expanded_within_90d) within the horizon, beside the churn risk; absent without one',
    },
    model_reasons: {
      type: ['array', 'null'],
      description: "inputs pushing the model's churn risk up the most, from its exact attributions",
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['feature', 'label', 'value', 'text', 'contribution'],
        properties: {
          ...reasonDetail.properties,
          contribution: { type: 'number', description: 'contribution to the log-odds of churn' },
        },
      },
    },
    score_change: {
      ...nullableNumber,
      description: 'score minus the latest stored score with an earlier as_of (null without history)',
    },
    previous: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['as_of', 'score', 'band'],
      properties: { as_of: { type: 'string' }, score: { type: 'number' }, band: { type: 'string' } },
    },
  },
} as const;

/** The query string of the scoring routes. */
export const answerQuerySchema = {
  $id: 'AnswerQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    exact: {
      type: 'string',
      enum: ['true', 'false'],
      description:
        'true: every digit (for machines); default: scores to one decimal, probabilities to 4 significant digits',
    },
  },
} as const;

/** The query string of `/v1/score/columns`: the scoring routes' and the columns to answer. */
export const columnsQuerySchema = {
  $id: 'ColumnsQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...answerQuerySchema.properties,
    fields: {
      type: 'string',
      pattern: '^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$',
      description:
        'comma-separated answer columns to compute and send (account_id always comes): e.g. score,band,probability; default all',
    },
  },
} as const;

export const batchResponseSchema = {
  $id: 'BatchResponse',
  type: 'object',
  required: ['results'],
  additionalProperties: false,
  properties: { results: { type: 'array', items: { $ref: 'ScoreResult#' } } },
} as const;

/** `churnkit score`'s output columns (docs/cli.md), one array each, row for row. */
export const columnsResponseSchema = {
  $id: 'ColumnsResponse',
  type: 'object',
  required: ['n', 'columns'],
  properties: {
    n: { type: 'integer' },
    columns: {
      type: 'object',
      description:
        'account_id, account_name (when sent), as_of, score, band, probability, layer_<name> per layer, overrides and reasons (comma-separated), escalate, base_score, score_change, status, coverage, missing, warnings, reason_<k>, reason_<k>_value, reason_<k>_text; with an expansion model (serve --expansion-model): expansion_probability; with a model: model_probability, model_reason_<k>, model_reason_<k>_value, model_reason_<k>_text',
      additionalProperties: { type: 'array' },
    },
  },
} as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    code: { type: 'string' },
    message: { type: 'string' },
    field: { type: 'string', description: 'JSON pointer of the offending field, when one is to blame' },
  },
} as const;

export const modelInfoSchema = {
  $id: 'ModelInfo',
  type: 'object',
  required: ['kind', 'version', 'fingerprint', 'layers', 'bands', 'overrides', 'provenance', 'reloads'],
  properties: {
    kind: { type: 'string' },
    version: { type: ['integer', 'string'] },
    fingerprint: { type: 'string', description: 'sha256 of the scorecard file serving now' },
    source: { type: 'string', description: 'file name of the scorecard' },
    churnkit_version: { type: 'string' },
    layers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          weight: { type: 'number' },
          signals: {
            type: 'array',
            items: { type: 'object', properties: { feature: { type: 'string' }, weight: { type: 'number' } } },
          },
        },
      },
    },
    bands: { type: 'object', additionalProperties: true },
    overrides: { type: 'array', items: {} },
    probability: { type: ['object', 'null'], additionalProperties: true },
    provenance: { type: ['object', 'null'], additionalProperties: true },
    reloads: {
      type: 'object',
      properties: { ok: { type: 'integer' }, refused: { type: 'integer' }, last_error: { type: ['string', 'null'] } },
    },
  },
} as const;

export const healthSchema = {
  $id: 'Health',
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    scorecard: { type: 'string', description: 'fingerprint of the scorecard serving now' },
    history: { type: ['string', 'null'], description: 'duckdb or postgres, null when history is off' },
  },
} as const;

/** A CSM's judgment of one account: a band or a score (or both), a reason and an author. */
export const judgmentRequestSchema = {
  $id: 'JudgmentRequest',
  type: 'object',
  required: ['account_id', 'reason', 'author'],
  additionalProperties: false,
  properties: {
    account_id: { type: 'string', minLength: 1, maxLength: 256, description: 'the account judged' },
    as_of: { ...dateSchema, description: 'the day the judgment speaks for (default: today in UTC)' },
    band: { type: ['string', 'null'], enum: [...BANDS, null], description: "the CSM's band" },
    score: { type: ['number', 'null'], minimum: 0, maximum: 100, description: "the CSM's score, 0-100" },
    reason: { type: 'string', minLength: 1, maxLength: MAX_REASON_CHARS, description: 'why, in a sentence' },
    author: { type: 'string', minLength: 1, maxLength: MAX_AUTHOR_CHARS, description: 'who judged' },
  },
} as const;

const judgmentProperties = {
  id: { type: 'integer' },
  account_id: { type: 'string' },
  as_of: { type: 'string', format: 'date' },
  band: { type: ['string', 'null'] },
  score: nullableNumber,
  reason: { type: 'string' },
  author: { type: 'string' },
  recorded_at: { type: 'string', description: 'when it was recorded, ISO 8601 UTC' },
  source: { type: 'string', description: 'what recorded it: cli, serve or app' },
  computed: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['as_of', 'score', 'band'],
    description:
      'the latest computed score in the history on or before as_of, beside the judgment (never replaced by it)',
    properties: { as_of: { type: 'string' }, score: { type: 'number' }, band: { type: 'string' } },
  },
} as const;

export const judgmentSchema = {
  $id: 'Judgment',
  type: 'object',
  additionalProperties: false,
  required: Object.keys(judgmentProperties),
  properties: judgmentProperties,
} as const;

export const judgmentListSchema = {
  $id: 'JudgmentList',
  type: 'object',
  required: ['judgments'],
  additionalProperties: false,
  properties: { judgments: { type: 'array', items: { $ref: 'Judgment#' } } },
} as const;

export const judgmentQuerySchema = {
  $id: 'JudgmentQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    account_id: { type: 'string', minLength: 1, maxLength: 256 },
    author: { type: 'string', minLength: 1, maxLength: MAX_AUTHOR_CHARS },
  },
} as const;

/** Every schema with an $id, for registration with Fastify and as OpenAPI components. */
export const SHARED_SCHEMAS = [
  scoreRequestSchema,
  batchRequestSchema,
  columnsRequestSchema,
  scoreResultSchema,
  batchResponseSchema,
  columnsResponseSchema,
  answerQuerySchema,
  columnsQuerySchema,
  errorSchema,
  modelInfoSchema,
  healthSchema,
  judgmentRequestSchema,
  judgmentSchema,
  judgmentListSchema,
  judgmentQuerySchema,
] as const;
