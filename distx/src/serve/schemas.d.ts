/**
 * The JSON Schemas of the HTTP API. The same objects validate requests (Fastify's Ajv),
 * serialize responses (fast-json-stringify) and make up /openapi.json, so the documentation
 * cannot drift from what the service enforces.
 */
export declare const MAX_BATCH = 10000;
/** Rows of one columnar request: the columnar form is for bulk scoring, so it takes more. */
export declare const MAX_COLUMNAR_ROWS = 100000;
/** The feature-table columns a request may carry besides the keys: segment, the ten features, the signals. */
export declare const INPUT_COLUMNS: readonly string[];
/** One account to score: its key, optional as-of, and its features and signals (absent = missing). */
export declare const scoreRequestSchema: {
    readonly $id: 'ScoreRequest';
    readonly type: 'object';
    readonly required: readonly ['account_id'];
    readonly additionalProperties: false;
    readonly properties: Record<string, object>;
};
export declare const batchRequestSchema: {
    readonly $id: 'BatchRequest';
    readonly type: 'object';
    readonly required: readonly ['accounts'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
            readonly description: 'as-of date for accounts that do not name their own';
        };
        readonly accounts: {
            readonly type: 'array';
            readonly maxItems: 10000;
            readonly items: {
                readonly $ref: 'ScoreRequest#';
            };
        };
    };
};
/**
 * The same accounts as a batch, column by column: `columns.<name>` is the array of that field's
 * values, one per account. Far less JSON to parse per account than an array of objects.
 */
export declare const columnsRequestSchema: {
    readonly $id: 'ColumnsRequest';
    readonly type: 'object';
    readonly required: readonly ['columns'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
            readonly description: 'as-of date for rows without their own as_of';
        };
        readonly columns: {
            readonly type: 'object';
            readonly required: readonly ['account_id'];
            readonly additionalProperties: false;
            readonly description: 'one array per field, all of the same length; an absent column is missing for every row';
            readonly properties: {
                [k: string]: {
                    type: string;
                    maxItems: number;
                    items: object;
                };
            };
        };
    };
};
export declare const scoreResultSchema: {
    readonly $id: 'ScoreResult';
    readonly type: 'object';
    readonly required: readonly ['account_id', 'account_name', 'as_of', 'status', 'coverage', 'missing', 'warnings', 'score', 'band', 'probability', 'layers', 'overrides', 'reasons', 'reason_details', 'escalate', 'flags', 'base_score', 'model_probability', 'model_reasons', 'score_change', 'previous'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly account_id: {
            readonly type: 'string';
        };
        readonly account_name: {
            readonly type: readonly ['string', 'null'];
            readonly description: 'as the request gave it';
        };
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
        };
        readonly status: {
            readonly type: 'string';
            readonly enum: readonly ["scored", "insufficient_data"];
            readonly description: "insufficient_data when coverage is below the scorecard's min_coverage (default 0.5): score, band and probability are then null";
        };
        readonly coverage: {
            readonly type: 'number';
            readonly description: "share of the scorecard's signal weight that was present (with a model alone: share of the model's columns)";
        };
        readonly missing: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'columns the scorecard reads that were missing';
        };
        readonly warnings: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'what to know about this answer, e.g. a segment the scorecard was not fitted on';
        };
        readonly score: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'composite health score, 0-100 (one decimal unless ?exact=true)';
        };
        readonly band: {
            readonly type: readonly ['string', 'null'];
            readonly enum: readonly ["RED", "YELLOW", "GREEN", null];
        };
        readonly probability: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'churn probability within the horizon, from the scorecard map (or the model served alone)';
        };
        readonly layers: {
            readonly type: 'object';
            readonly additionalProperties: {
                readonly type: readonly ['number', 'null'];
            };
            readonly description: 'layer scores 0-100 (null when the layer had no signal)';
        };
        readonly overrides: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'overrides fired';
        };
        readonly reasons: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'signals losing the most points';
        };
        readonly reason_details: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['feature', 'label', 'value', 'text'];
                readonly properties: {
                    readonly feature: {
                        readonly type: 'string';
                        readonly description: 'feature-table column';
                    };
                    readonly label: {
                        readonly type: 'string';
                        readonly description: 'its name for people, from the feature catalogue';
                    };
                    readonly value: {
                        readonly type: readonly ['number', 'boolean', 'string', 'null'];
                        readonly description: "the account's value of the feature, as sent";
                    };
                    readonly text: {
                        readonly type: 'string';
                        readonly description: 'one sentence saying the value, from the feature catalogue';
                    };
                };
            };
            readonly description: 'the reasons in words';
        };
        readonly escalate: {
            readonly type: 'boolean';
            readonly description: 'raised by the renewal-escalation override';
        };
        readonly flags: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'every flag raised by a flag override, escalate among them';
        };
        readonly base_score: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'the composite before overrides';
        };
        readonly model_probability: {
            readonly type: readonly ['number', 'null'];
            readonly description: "the served model's calibrated churn probability, as churnkit predict gives it (null without a model)";
        };
        readonly expansion_probability: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'with serve --expansion-model: the probability of an expansion (expanded_within_90d) within the horizon, beside the churn risk; absent without one';
        };
        readonly model_reasons: {
            readonly type: readonly ['array', 'null'];
            readonly description: "inputs pushing the model's churn risk up the most, from its exact attributions";
            readonly items: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['feature', 'label', 'value', 'text', 'contribution'];
                readonly properties: {
                    readonly feature: {
                        readonly type: 'string';
                        readonly description: 'feature-table column';
                    };
                    readonly label: {
                        readonly type: 'string';
                        readonly description: 'its name for people, from the feature catalogue';
                    };
                    readonly value: {
                        readonly type: readonly ['number', 'boolean', 'string', 'null'];
                        readonly description: "the account's value of the feature, as sent";
                    };
                    readonly text: {
                        readonly type: 'string';
                        readonly description: 'one sentence saying the value, from the feature catalogue';
                    };
                    readonly contribution: {
                        readonly type: 'number';
                        readonly description: 'contribution to the log-odds of churn';
                    };
                };
            };
        };
        readonly score_change: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'score minus the latest stored score with an earlier as_of (null without history)';
        };
        readonly previous: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: false;
            readonly required: readonly ['as_of', 'score', 'band'];
            readonly properties: {
                readonly as_of: {
                    readonly type: 'string';
                };
                readonly score: {
                    readonly type: 'number';
                };
                readonly band: {
                    readonly type: 'string';
                };
            };
        };
    };
};
/** The query string of the scoring routes. */
export declare const answerQuerySchema: {
    readonly $id: 'AnswerQuery';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly exact: {
            readonly type: 'string';
            readonly enum: readonly ['true', 'false'];
            readonly description: 'true: every digit (for machines); default: scores to one decimal, probabilities to 4 significant digits';
        };
    };
};
/** The query string of `/v1/score/columns`: the scoring routes' and the columns to answer. */
export declare const columnsQuerySchema: {
    readonly $id: 'ColumnsQuery';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly exact: {
            readonly type: 'string';
            readonly enum: readonly ['true', 'false'];
            readonly description: 'true: every digit (for machines); default: scores to one decimal, probabilities to 4 significant digits';
        };
        readonly fields: {
            readonly type: 'string';
            readonly pattern: '^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$';
            readonly description: 'comma-separated answer columns to compute and send (account_id always comes): e.g. score,band,probability; default all';
        };
    };
};
export declare const batchResponseSchema: {
    readonly $id: 'BatchResponse';
    readonly type: 'object';
    readonly required: readonly ['results'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly results: {
            readonly type: 'array';
            readonly items: {
                readonly $ref: 'ScoreResult#';
            };
        };
    };
};
/** `churnkit score`'s output columns (docs/cli.md), one array each, row for row. */
export declare const columnsResponseSchema: {
    readonly $id: 'ColumnsResponse';
    readonly type: 'object';
    readonly required: readonly ['n', 'columns'];
    readonly properties: {
        readonly n: {
            readonly type: 'integer';
        };
        readonly columns: {
            readonly type: 'object';
            readonly description: 'account_id, account_name (when sent), as_of, score, band, probability, layer_<name> per layer, overrides and reasons (comma-separated), escalate, base_score, score_change, status, coverage, missing, warnings, reason_<k>, reason_<k>_value, reason_<k>_text; with an expansion model (serve --expansion-model): expansion_probability; with a model: model_probability, model_reason_<k>, model_reason_<k>_value, model_reason_<k>_text';
            readonly additionalProperties: {
                readonly type: 'array';
            };
        };
    };
};
export declare const errorSchema: {
    readonly $id: 'Error';
    readonly type: 'object';
    readonly required: readonly ['statusCode', 'error', 'code', 'message'];
    readonly properties: {
        readonly statusCode: {
            readonly type: 'integer';
        };
        readonly error: {
            readonly type: 'string';
        };
        readonly code: {
            readonly type: 'string';
        };
        readonly message: {
            readonly type: 'string';
        };
        readonly field: {
            readonly type: 'string';
            readonly description: 'JSON pointer of the offending field, when one is to blame';
        };
    };
};
export declare const modelInfoSchema: {
    readonly $id: 'ModelInfo';
    readonly type: 'object';
    readonly required: readonly ['kind', 'version', 'fingerprint', 'layers', 'bands', 'overrides', 'provenance', 'reloads'];
    readonly properties: {
        readonly kind: {
            readonly type: 'string';
        };
        readonly version: {
            readonly type: readonly ['integer', 'string'];
        };
        readonly fingerprint: {
            readonly type: 'string';
            readonly description: 'sha256 of the scorecard file serving now';
        };
        readonly source: {
            readonly type: 'string';
            readonly description: 'file name of the scorecard';
        };
        readonly churnkit_version: {
            readonly type: 'string';
        };
        readonly layers: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'object';
                readonly properties: {
                    readonly name: {
                        readonly type: 'string';
                    };
                    readonly weight: {
                        readonly type: 'number';
                    };
                    readonly signals: {
                        readonly type: 'array';
                        readonly items: {
                            readonly type: 'object';
                            readonly properties: {
                                readonly feature: {
                                    readonly type: 'string';
                                };
                                readonly weight: {
                                    readonly type: 'number';
                                };
                            };
                        };
                    };
                };
            };
        };
        readonly bands: {
            readonly type: 'object';
            readonly additionalProperties: true;
        };
        readonly overrides: {
            readonly type: 'array';
            readonly items: {};
        };
        readonly probability: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: true;
        };
        readonly provenance: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: true;
        };
        readonly reloads: {
            readonly type: 'object';
            readonly properties: {
                readonly ok: {
                    readonly type: 'integer';
                };
                readonly refused: {
                    readonly type: 'integer';
                };
                readonly last_error: {
                    readonly type: readonly ['string', 'null'];
                };
            };
        };
    };
};
export declare const healthSchema: {
    readonly $id: 'Health';
    readonly type: 'object';
    readonly required: readonly ['status'];
    readonly properties: {
        readonly status: {
            readonly type: 'string';
            readonly enum: readonly ['ok'];
        };
        readonly scorecard: {
            readonly type: 'string';
            readonly description: 'fingerprint of the scorecard serving now';
        };
        readonly history: {
            readonly type: readonly ['string', 'null'];
            readonly description: 'duckdb or postgres, null when history is off';
        };
    };
};
/** A CSM's judgment of one account: a band or a score (or both), a reason and an author. */
export declare const judgmentRequestSchema: {
    readonly $id: 'JudgmentRequest';
    readonly type: 'object';
    readonly required: readonly ['account_id', 'reason', 'author'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly account_id: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 256;
            readonly description: 'the account judged';
        };
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
            readonly description: 'the day the judgment speaks for (default: today in UTC)';
        };
        readonly band: {
            readonly type: readonly ['string', 'null'];
            readonly enum: readonly ["RED", "YELLOW", "GREEN", null];
            readonly description: "the CSM's band";
        };
        readonly score: {
            readonly type: readonly ['number', 'null'];
            readonly minimum: 0;
            readonly maximum: 100;
            readonly description: "the CSM's score, 0-100";
        };
        readonly reason: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 2000;
            readonly description: 'why, in a sentence';
        };
        readonly author: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 200;
            readonly description: 'who judged';
        };
    };
};
export declare const judgmentSchema: {
    readonly $id: 'Judgment';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly required: string[];
    readonly properties: {
        readonly id: {
            readonly type: 'integer';
        };
        readonly account_id: {
            readonly type: 'string';
        };
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
        };
        readonly band: {
            readonly type: readonly ['string', 'null'];
        };
        readonly score: {
            readonly type: readonly ['number', 'null'];
        };
        readonly reason: {
            readonly type: 'string';
        };
        readonly author: {
            readonly type: 'string';
        };
        readonly recorded_at: {
            readonly type: 'string';
            readonly description: 'when it was recorded, ISO 8601 UTC';
        };
        readonly source: {
            readonly type: 'string';
            readonly description: 'what recorded it: cli, serve or app';
        };
        readonly computed: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: false;
            readonly required: readonly ['as_of', 'score', 'band'];
            readonly description: 'the latest computed score in the history on or before as_of, beside the judgment (never replaced by it)';
            readonly properties: {
                readonly as_of: {
                    readonly type: 'string';
                };
                readonly score: {
                    readonly type: 'number';
                };
                readonly band: {
                    readonly type: 'string';
                };
            };
        };
    };
};
export declare const judgmentListSchema: {
    readonly $id: 'JudgmentList';
    readonly type: 'object';
    readonly required: readonly ['judgments'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly judgments: {
            readonly type: 'array';
            readonly items: {
                readonly $ref: 'Judgment#';
            };
        };
    };
};
export declare const judgmentQuerySchema: {
    readonly $id: 'JudgmentQuery';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly account_id: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 256;
        };
        readonly author: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 200;
        };
    };
};
/** Every schema with an $id, for registration with Fastify and as OpenAPI components. */
export declare const SHARED_SCHEMAS: readonly [{
    readonly $id: 'ScoreRequest';
    readonly type: 'object';
    readonly required: readonly ['account_id'];
    readonly additionalProperties: false;
    readonly properties: Record<string, object>;
}, {
    readonly $id: 'BatchRequest';
    readonly type: 'object';
    readonly required: readonly ['accounts'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
            readonly description: 'as-of date for accounts that do not name their own';
        };
        readonly accounts: {
            readonly type: 'array';
            readonly maxItems: 10000;
            readonly items: {
                readonly $ref: 'ScoreRequest#';
            };
        };
    };
}, {
    readonly $id: 'ColumnsRequest';
    readonly type: 'object';
    readonly required: readonly ['columns'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
            readonly description: 'as-of date for rows without their own as_of';
        };
        readonly columns: {
            readonly type: 'object';
            readonly required: readonly ['account_id'];
            readonly additionalProperties: false;
            readonly description: 'one array per field, all of the same length; an absent column is missing for every row';
            readonly properties: {
                [k: string]: {
                    type: string;
                    maxItems: number;
                    items: object;
                };
            };
        };
    };
}, {
    readonly $id: 'ScoreResult';
    readonly type: 'object';
    readonly required: readonly ['account_id', 'account_name', 'as_of', 'status', 'coverage', 'missing', 'warnings', 'score', 'band', 'probability', 'layers', 'overrides', 'reasons', 'reason_details', 'escalate', 'flags', 'base_score', 'model_probability', 'model_reasons', 'score_change', 'previous'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly account_id: {
            readonly type: 'string';
        };
        readonly account_name: {
            readonly type: readonly ['string', 'null'];
            readonly description: 'as the request gave it';
        };
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
        };
        readonly status: {
            readonly type: 'string';
            readonly enum: readonly ["scored", "insufficient_data"];
            readonly description: "insufficient_data when coverage is below the scorecard's min_coverage (default 0.5): score, band and probability are then null";
        };
        readonly coverage: {
            readonly type: 'number';
            readonly description: "share of the scorecard's signal weight that was present (with a model alone: share of the model's columns)";
        };
        readonly missing: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'columns the scorecard reads that were missing';
        };
        readonly warnings: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'what to know about this answer, e.g. a segment the scorecard was not fitted on';
        };
        readonly score: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'composite health score, 0-100 (one decimal unless ?exact=true)';
        };
        readonly band: {
            readonly type: readonly ['string', 'null'];
            readonly enum: readonly ["RED", "YELLOW", "GREEN", null];
        };
        readonly probability: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'churn probability within the horizon, from the scorecard map (or the model served alone)';
        };
        readonly layers: {
            readonly type: 'object';
            readonly additionalProperties: {
                readonly type: readonly ['number', 'null'];
            };
            readonly description: 'layer scores 0-100 (null when the layer had no signal)';
        };
        readonly overrides: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'overrides fired';
        };
        readonly reasons: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'signals losing the most points';
        };
        readonly reason_details: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['feature', 'label', 'value', 'text'];
                readonly properties: {
                    readonly feature: {
                        readonly type: 'string';
                        readonly description: 'feature-table column';
                    };
                    readonly label: {
                        readonly type: 'string';
                        readonly description: 'its name for people, from the feature catalogue';
                    };
                    readonly value: {
                        readonly type: readonly ['number', 'boolean', 'string', 'null'];
                        readonly description: "the account's value of the feature, as sent";
                    };
                    readonly text: {
                        readonly type: 'string';
                        readonly description: 'one sentence saying the value, from the feature catalogue';
                    };
                };
            };
            readonly description: 'the reasons in words';
        };
        readonly escalate: {
            readonly type: 'boolean';
            readonly description: 'raised by the renewal-escalation override';
        };
        readonly flags: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
            };
            readonly description: 'every flag raised by a flag override, escalate among them';
        };
        readonly base_score: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'the composite before overrides';
        };
        readonly model_probability: {
            readonly type: readonly ['number', 'null'];
            readonly description: "the served model's calibrated churn probability, as churnkit predict gives it (null without a model)";
        };
        readonly expansion_probability: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'with serve --expansion-model: the probability of an expansion (expanded_within_90d) within the horizon, beside the churn risk; absent without one';
        };
        readonly model_reasons: {
            readonly type: readonly ['array', 'null'];
            readonly description: "inputs pushing the model's churn risk up the most, from its exact attributions";
            readonly items: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['feature', 'label', 'value', 'text', 'contribution'];
                readonly properties: {
                    readonly feature: {
                        readonly type: 'string';
                        readonly description: 'feature-table column';
                    };
                    readonly label: {
                        readonly type: 'string';
                        readonly description: 'its name for people, from the feature catalogue';
                    };
                    readonly value: {
                        readonly type: readonly ['number', 'boolean', 'string', 'null'];
                        readonly description: "the account's value of the feature, as sent";
                    };
                    readonly text: {
                        readonly type: 'string';
                        readonly description: 'one sentence saying the value, from the feature catalogue';
                    };
                    readonly contribution: {
                        readonly type: 'number';
                        readonly description: 'contribution to the log-odds of churn';
                    };
                };
            };
        };
        readonly score_change: {
            readonly type: readonly ['number', 'null'];
            readonly description: 'score minus the latest stored score with an earlier as_of (null without history)';
        };
        readonly previous: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: false;
            readonly required: readonly ['as_of', 'score', 'band'];
            readonly properties: {
                readonly as_of: {
                    readonly type: 'string';
                };
                readonly score: {
                    readonly type: 'number';
                };
                readonly band: {
                    readonly type: 'string';
                };
            };
        };
    };
}, {
    readonly $id: 'BatchResponse';
    readonly type: 'object';
    readonly required: readonly ['results'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly results: {
            readonly type: 'array';
            readonly items: {
                readonly $ref: 'ScoreResult#';
            };
        };
    };
}, {
    readonly $id: 'ColumnsResponse';
    readonly type: 'object';
    readonly required: readonly ['n', 'columns'];
    readonly properties: {
        readonly n: {
            readonly type: 'integer';
        };
        readonly columns: {
            readonly type: 'object';
            readonly description: 'account_id, account_name (when sent), as_of, score, band, probability, layer_<name> per layer, overrides and reasons (comma-separated), escalate, base_score, score_change, status, coverage, missing, warnings, reason_<k>, reason_<k>_value, reason_<k>_text; with an expansion model (serve --expansion-model): expansion_probability; with a model: model_probability, model_reason_<k>, model_reason_<k>_value, model_reason_<k>_text';
            readonly additionalProperties: {
                readonly type: 'array';
            };
        };
    };
}, {
    readonly $id: 'AnswerQuery';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly exact: {
            readonly type: 'string';
            readonly enum: readonly ['true', 'false'];
            readonly description: 'true: every digit (for machines); default: scores to one decimal, probabilities to 4 significant digits';
        };
    };
}, {
    readonly $id: 'ColumnsQuery';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly exact: {
            readonly type: 'string';
            readonly enum: readonly ['true', 'false'];
            readonly description: 'true: every digit (for machines); default: scores to one decimal, probabilities to 4 significant digits';
        };
        readonly fields: {
            readonly type: 'string';
            readonly pattern: '^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$';
            readonly description: 'comma-separated answer columns to compute and send (account_id always comes): e.g. score,band,probability; default all';
        };
    };
}, {
    readonly $id: 'Error';
    readonly type: 'object';
    readonly required: readonly ['statusCode', 'error', 'code', 'message'];
    readonly properties: {
        readonly statusCode: {
            readonly type: 'integer';
        };
        readonly error: {
            readonly type: 'string';
        };
        readonly code: {
            readonly type: 'string';
        };
        readonly message: {
            readonly type: 'string';
        };
        readonly field: {
            readonly type: 'string';
            readonly description: 'JSON pointer of the offending field, when one is to blame';
        };
    };
}, {
    readonly $id: 'ModelInfo';
    readonly type: 'object';
    readonly required: readonly ['kind', 'version', 'fingerprint', 'layers', 'bands', 'overrides', 'provenance', 'reloads'];
    readonly properties: {
        readonly kind: {
            readonly type: 'string';
        };
        readonly version: {
            readonly type: readonly ['integer', 'string'];
        };
        readonly fingerprint: {
            readonly type: 'string';
            readonly description: 'sha256 of the scorecard file serving now';
        };
        readonly source: {
            readonly type: 'string';
            readonly description: 'file name of the scorecard';
        };
        readonly churnkit_version: {
            readonly type: 'string';
        };
        readonly layers: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'object';
                readonly properties: {
                    readonly name: {
                        readonly type: 'string';
                    };
                    readonly weight: {
                        readonly type: 'number';
                    };
                    readonly signals: {
                        readonly type: 'array';
                        readonly items: {
                            readonly type: 'object';
                            readonly properties: {
                                readonly feature: {
                                    readonly type: 'string';
                                };
                                readonly weight: {
                                    readonly type: 'number';
                                };
                            };
                        };
                    };
                };
            };
        };
        readonly bands: {
            readonly type: 'object';
            readonly additionalProperties: true;
        };
        readonly overrides: {
            readonly type: 'array';
            readonly items: {};
        };
        readonly probability: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: true;
        };
        readonly provenance: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: true;
        };
        readonly reloads: {
            readonly type: 'object';
            readonly properties: {
                readonly ok: {
                    readonly type: 'integer';
                };
                readonly refused: {
                    readonly type: 'integer';
                };
                readonly last_error: {
                    readonly type: readonly ['string', 'null'];
                };
            };
        };
    };
}, {
    readonly $id: 'Health';
    readonly type: 'object';
    readonly required: readonly ['status'];
    readonly properties: {
        readonly status: {
            readonly type: 'string';
            readonly enum: readonly ['ok'];
        };
        readonly scorecard: {
            readonly type: 'string';
            readonly description: 'fingerprint of the scorecard serving now';
        };
        readonly history: {
            readonly type: readonly ['string', 'null'];
            readonly description: 'duckdb or postgres, null when history is off';
        };
    };
}, {
    readonly $id: 'JudgmentRequest';
    readonly type: 'object';
    readonly required: readonly ['account_id', 'reason', 'author'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly account_id: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 256;
            readonly description: 'the account judged';
        };
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
            readonly description: 'the day the judgment speaks for (default: today in UTC)';
        };
        readonly band: {
            readonly type: readonly ['string', 'null'];
            readonly enum: readonly ["RED", "YELLOW", "GREEN", null];
            readonly description: "the CSM's band";
        };
        readonly score: {
            readonly type: readonly ['number', 'null'];
            readonly minimum: 0;
            readonly maximum: 100;
            readonly description: "the CSM's score, 0-100";
        };
        readonly reason: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 2000;
            readonly description: 'why, in a sentence';
        };
        readonly author: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 200;
            readonly description: 'who judged';
        };
    };
}, {
    readonly $id: 'Judgment';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly required: string[];
    readonly properties: {
        readonly id: {
            readonly type: 'integer';
        };
        readonly account_id: {
            readonly type: 'string';
        };
        readonly as_of: {
            readonly type: 'string';
            readonly format: 'date';
        };
        readonly band: {
            readonly type: readonly ['string', 'null'];
        };
        readonly score: {
            readonly type: readonly ['number', 'null'];
        };
        readonly reason: {
            readonly type: 'string';
        };
        readonly author: {
            readonly type: 'string';
        };
        readonly recorded_at: {
            readonly type: 'string';
            readonly description: 'when it was recorded, ISO 8601 UTC';
        };
        readonly source: {
            readonly type: 'string';
            readonly description: 'what recorded it: cli, serve or app';
        };
        readonly computed: {
            readonly type: readonly ['object', 'null'];
            readonly additionalProperties: false;
            readonly required: readonly ['as_of', 'score', 'band'];
            readonly description: 'the latest computed score in the history on or before as_of, beside the judgment (never replaced by it)';
            readonly properties: {
                readonly as_of: {
                    readonly type: 'string';
                };
                readonly score: {
                    readonly type: 'number';
                };
                readonly band: {
                    readonly type: 'string';
                };
            };
        };
    };
}, {
    readonly $id: 'JudgmentList';
    readonly type: 'object';
    readonly required: readonly ['judgments'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly judgments: {
            readonly type: 'array';
            readonly items: {
                readonly $ref: 'Judgment#';
            };
        };
    };
}, {
    readonly $id: 'JudgmentQuery';
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly account_id: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 256;
        };
        readonly author: {
            readonly type: 'string';
            readonly minLength: 1;
            readonly maxLength: 200;
        };
    };
}];
