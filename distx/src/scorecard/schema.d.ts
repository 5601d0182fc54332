/**
 * The scorecard artifact (`kind: "churnkit.scorecard"`, `version: 1`) as a zod schema. The
 * published JSON Schema (models/scorecard.schema.json) is generated from it; rules that JSON
 * Schema cannot say (weights summing to 1, bands that tile the number line, monotone points)
 * live in validate.ts. Everything here is declarative data so that the same card compiles to
 * one SQL query (export-sql) with equal scores.
 */
import { z } from 'zod';
export declare const COMPARISON_OPS: readonly ['<', '<=', '>', '>=', '=', '!='];
export declare const NULL_OPS: readonly ['is_null', 'not_null'];
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type NullOp = (typeof NULL_OPS)[number];
export type Condition = {
    signal: string;
    op: ComparisonOp | NullOp;
    value?: number | boolean | string;
} | {
    score: {
        op: '<' | '<=' | '>' | '>=';
        value: number;
    };
} | {
    all: Condition[];
} | {
    any: Condition[];
};
export declare const ConditionSchema: z.ZodType<Condition>;
/**
 * One band of a piecewise-constant points function. A missing lower (upper) edge means -inf
 * (+inf); `gt`/`gte` and `lt`/`lte` say whether the edge itself belongs to the band.
 */
export declare const PointsBandSchema: z.ZodObject<{
    gt: z.ZodOptional<z.ZodNumber>;
    gte: z.ZodOptional<z.ZodNumber>;
    lt: z.ZodOptional<z.ZodNumber>;
    lte: z.ZodOptional<z.ZodNumber>;
    points: z.ZodNumber;
    label: z.ZodOptional<z.ZodString>;
    rows: z.ZodOptional<z.ZodNumber>;
    churn_rate: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
/** Points that apply before the bands when a condition holds (e.g. zero usage = 0 points). */
export declare const PointsRuleSchema: z.ZodObject<{
    when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
    points: z.ZodNumber;
    label: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const MissingSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    policy: z.ZodLiteral<"redistribute">;
}, z.core.$strict>, z.ZodObject<{
    policy: z.ZodLiteral<"points">;
    points: z.ZodNumber;
}, z.core.$strict>], "policy">;
export declare const SignalSchema: z.ZodObject<{
    feature: z.ZodString;
    weight: z.ZodNumber;
    direction: z.ZodEnum<{
        higher_is_riskier: "higher_is_riskier";
        higher_is_safer: "higher_is_safer";
    }>;
    points: z.ZodArray<z.ZodObject<{
        gt: z.ZodOptional<z.ZodNumber>;
        gte: z.ZodOptional<z.ZodNumber>;
        lt: z.ZodOptional<z.ZodNumber>;
        lte: z.ZodOptional<z.ZodNumber>;
        points: z.ZodNumber;
        label: z.ZodOptional<z.ZodString>;
        rows: z.ZodOptional<z.ZodNumber>;
        churn_rate: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
    rules: z.ZodOptional<z.ZodArray<z.ZodObject<{
        when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
        points: z.ZodNumber;
        label: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
    missing: z.ZodDiscriminatedUnion<[z.ZodObject<{
        policy: z.ZodLiteral<"redistribute">;
    }, z.core.$strict>, z.ZodObject<{
        policy: z.ZodLiteral<"points">;
        points: z.ZodNumber;
    }, z.core.$strict>], "policy">;
    description: z.ZodOptional<z.ZodString>;
    weight_ci90: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
}, z.core.$strict>;
export declare const LayerSchema: z.ZodObject<{
    name: z.ZodString;
    weight: z.ZodNumber;
    signals: z.ZodArray<z.ZodObject<{
        feature: z.ZodString;
        weight: z.ZodNumber;
        direction: z.ZodEnum<{
            higher_is_riskier: "higher_is_riskier";
            higher_is_safer: "higher_is_safer";
        }>;
        points: z.ZodArray<z.ZodObject<{
            gt: z.ZodOptional<z.ZodNumber>;
            gte: z.ZodOptional<z.ZodNumber>;
            lt: z.ZodOptional<z.ZodNumber>;
            lte: z.ZodOptional<z.ZodNumber>;
            points: z.ZodNumber;
            label: z.ZodOptional<z.ZodString>;
            rows: z.ZodOptional<z.ZodNumber>;
            churn_rate: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>>;
        rules: z.ZodOptional<z.ZodArray<z.ZodObject<{
            when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
            points: z.ZodNumber;
            label: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>>>;
        missing: z.ZodDiscriminatedUnion<[z.ZodObject<{
            policy: z.ZodLiteral<"redistribute">;
        }, z.core.$strict>, z.ZodObject<{
            policy: z.ZodLiteral<"points">;
            points: z.ZodNumber;
        }, z.core.$strict>], "policy">;
        description: z.ZodOptional<z.ZodString>;
        weight_ci90: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
    }, z.core.$strict>>;
    description: z.ZodOptional<z.ZodString>;
    weight_ci90: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
}, z.core.$strict>;
export declare const OverrideSchema: z.ZodObject<{
    id: z.ZodString;
    when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
    action: z.ZodEnum<{
        cap: "cap";
        flag: "flag";
        set: "set";
    }>;
    value: z.ZodOptional<z.ZodNumber>;
    flag: z.ZodOptional<z.ZodString>;
    description: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const ThresholdsSchema: z.ZodObject<{
    green: z.ZodNumber;
    yellow: z.ZodNumber;
}, z.core.$strict>;
export declare const BandsSchema: z.ZodObject<{
    green: z.ZodNumber;
    yellow: z.ZodNumber;
    segments: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
        green: z.ZodNumber;
        yellow: z.ZodNumber;
    }, z.core.$strict>>>;
    known_segments: z.ZodOptional<z.ZodArray<z.ZodString>>;
    method: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
/**
 * One segment's own weights: every layer of the card by name, each with its weight and every one
 * of its signals' weights (shares within the layer), both levels summing to 1 as the card's do.
 * Points, rules, missing policies and overrides stay the card's.
 */
export declare const SegmentWeightsSchema: z.ZodObject<{
    layers: z.ZodRecord<z.ZodString, z.ZodObject<{
        weight: z.ZodNumber;
        signals: z.ZodRecord<z.ZodString, z.ZodNumber>;
    }, z.core.$strict>>;
    churners: z.ZodOptional<z.ZodNumber>;
    rows: z.ZodOptional<z.ZodNumber>;
    own_share: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export declare const ProbabilitySchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    method: z.ZodLiteral<"none">;
}, z.core.$strict>, z.ZodObject<{
    method: z.ZodLiteral<"isotonic">;
    x: z.ZodArray<z.ZodNumber>;
    y: z.ZodArray<z.ZodNumber>;
    fitted_on: z.ZodOptional<z.ZodObject<{
        rows: z.ZodNumber;
        positives: z.ZodNumber;
        as_of_from: z.ZodOptional<z.ZodString>;
        as_of_to: z.ZodOptional<z.ZodString>;
    }, z.core.$loose>>;
}, z.core.$strict>], "method">;
export declare const ProvenanceSchema: z.ZodObject<{
    churnkit_version: z.ZodString;
    source: z.ZodEnum<{
        calibrate: "calibrate";
        default: "default";
        manual: "manual";
    }>;
}, z.core.$loose>;
export declare const ScorecardSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    kind: z.ZodLiteral<"churnkit.scorecard">;
    version: z.ZodLiteral<1>;
    name: z.ZodOptional<z.ZodString>;
    description: z.ZodOptional<z.ZodString>;
    layers: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        weight: z.ZodNumber;
        signals: z.ZodArray<z.ZodObject<{
            feature: z.ZodString;
            weight: z.ZodNumber;
            direction: z.ZodEnum<{
                higher_is_riskier: "higher_is_riskier";
                higher_is_safer: "higher_is_safer";
            }>;
            points: z.ZodArray<z.ZodObject<{
                gt: z.ZodOptional<z.ZodNumber>;
                gte: z.ZodOptional<z.ZodNumber>;
                lt: z.ZodOptional<z.ZodNumber>;
                lte: z.ZodOptional<z.ZodNumber>;
                points: z.ZodNumber;
                label: z.ZodOptional<z.ZodString>;
                rows: z.ZodOptional<z.ZodNumber>;
                churn_rate: z.ZodOptional<z.ZodNumber>;
            }, z.core.$strict>>;
            rules: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                points: z.ZodNumber;
                label: z.ZodOptional<z.ZodString>;
            }, z.core.$strict>>>;
            missing: z.ZodDiscriminatedUnion<[z.ZodObject<{
                policy: z.ZodLiteral<"redistribute">;
            }, z.core.$strict>, z.ZodObject<{
                policy: z.ZodLiteral<"points">;
                points: z.ZodNumber;
            }, z.core.$strict>], "policy">;
            description: z.ZodOptional<z.ZodString>;
            weight_ci90: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strict>>;
        description: z.ZodOptional<z.ZodString>;
        weight_ci90: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
    }, z.core.$strict>>;
    no_data_score: z.ZodNumber;
    min_coverage: z.ZodOptional<z.ZodNumber>;
    overrides: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
        action: z.ZodEnum<{
            cap: "cap";
            flag: "flag";
            set: "set";
        }>;
        value: z.ZodOptional<z.ZodNumber>;
        flag: z.ZodOptional<z.ZodString>;
        description: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
    bands: z.ZodObject<{
        green: z.ZodNumber;
        yellow: z.ZodNumber;
        segments: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
            green: z.ZodNumber;
            yellow: z.ZodNumber;
        }, z.core.$strict>>>;
        known_segments: z.ZodOptional<z.ZodArray<z.ZodString>>;
        method: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>;
    segment_weights: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
        layers: z.ZodRecord<z.ZodString, z.ZodObject<{
            weight: z.ZodNumber;
            signals: z.ZodRecord<z.ZodString, z.ZodNumber>;
        }, z.core.$strict>>;
        churners: z.ZodOptional<z.ZodNumber>;
        rows: z.ZodOptional<z.ZodNumber>;
        own_share: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>>;
    segment_pooling: z.ZodOptional<z.ZodNumber>;
    probability: z.ZodDiscriminatedUnion<[z.ZodObject<{
        method: z.ZodLiteral<"none">;
    }, z.core.$strict>, z.ZodObject<{
        method: z.ZodLiteral<"isotonic">;
        x: z.ZodArray<z.ZodNumber>;
        y: z.ZodArray<z.ZodNumber>;
        fitted_on: z.ZodOptional<z.ZodObject<{
            rows: z.ZodNumber;
            positives: z.ZodNumber;
            as_of_from: z.ZodOptional<z.ZodString>;
            as_of_to: z.ZodOptional<z.ZodString>;
        }, z.core.$loose>>;
    }, z.core.$strict>], "method">;
    provenance: z.ZodObject<{
        churnkit_version: z.ZodString;
        source: z.ZodEnum<{
            calibrate: "calibrate";
            default: "default";
            manual: "manual";
        }>;
    }, z.core.$loose>;
    model: z.ZodOptional<z.ZodObject<{
        kind: z.ZodLiteral<"churnkit.model">;
        version: z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<2>]>;
        family: z.ZodString;
    }, z.core.$loose>>;
    checksum: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export type Scorecard = z.infer<typeof ScorecardSchema>;
export type ScorecardLayer = Scorecard['layers'][number];
export type ScorecardSignal = ScorecardLayer['signals'][number];
export type PointsBand = z.infer<typeof PointsBandSchema>;
export type Override = z.infer<typeof OverrideSchema>;
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type SegmentWeights = z.infer<typeof SegmentWeightsSchema>;
export type ProbabilityMap = z.infer<typeof ProbabilitySchema>;
export declare const SCORECARD_SCHEMA_ID = "https://churnkit.dev/schemas/scorecard.schema.json";
/** The JSON Schema of the artifact (draft 2020-12), as published in models/scorecard.schema.json. */
export declare function scorecardJsonSchema(): object;
