/**
 * The one training pipeline every model family goes through (docs/training.md): labeled rows ->
 * time-ordered holdout -> preprocessing -> fit -> calibration on the later slice -> metrics and
 * provenance -> a TrainedModel that predicts, explains and writes its artifact. The backtest
 * calls trainModel() once per fold with that fold's training rows.
 */
import type { Frame } from '../data/index.js';
import { type Progress } from '../util/index.js';
import { type FamilyDefinition, type FamilyModel } from './families.js';
import type { CalibrationMethod } from './calibration.js';
import { type MissingStrategy } from './preprocess.js';
import { type ClassWeight } from './crossfit.js';
import { type Diagnostics, type ModelArtifact } from './artifact.js';
import type { Calibration, Explanation, Matrix, ModelFamily, Preprocessing, Provenance, TrainingRecord } from './model.js';
/**
 * Model inputs on churnkit's own feature table: the ten features, the three override signals
 * and two context numbers. Left out on purpose: `annual_value` and `seats` (account size, which
 * the ARR-weighted metrics use and which would make the model a size proxy) and `segment`
 * (add it with `--columns ... --categorical segment`).
 */
export declare const DEFAULT_MODEL_COLUMNS: readonly string[];
/** Model inputs on a transactional feature table (`features --feature-set transactions`). */
export declare const TRANSACTION_MODEL_COLUMNS: readonly string[];
/** The default model columns of a feature table: the transactional set's when it is one, else the ten and the signals. */
export declare function defaultModelColumns(columns: readonly string[]): readonly string[];
export type { ClassWeight };
/** Latest share of labeled rows held out by families that cannot cross-fit, or with --holdout. */
export declare const DEFAULT_HOLDOUT = 0.2;
/** Time-ordered folds of cross-fitting (docs/models.md has the measurements). */
export declare const CROSS_FIT_FOLDS = 5;
/** NULL handling of imputing families when the caller does not choose (docs/models.md). */
export declare const DEFAULT_MISSING: MissingStrategy;
export interface TrainOptions {
    /** logistic, gbdt or mlp (any registered family). */
    family: string;
    /** 0/1 label column; NULL rows are censored and skipped. Default churned_within_90d. */
    label?: string;
    /** Model input columns. Default DEFAULT_MODEL_COLUMNS (churnkit's feature table). */
    columns?: readonly string[];
    /** Columns among `columns` to one-hot encode. */
    categorical?: readonly string[];
    /** Family hyperparameters (strings are converted, e.g. from --param k=v). */
    params?: Record<string, unknown>;
    /** Default: the family's (logistic: none). Anything else holds out the latest slice. */
    calibration?: CalibrationMethod;
    /** balanced = sklearn's n / (2 n_class) row weights in fitting (not in calibration or metrics). */
    classWeight?: ClassWeight;
    /** NULL handling for imputing families (default indicator). */
    missing?: MissingStrategy;
    seed?: number;
    /** Column giving each row's time (YYYY-MM-DD); default as_of when present; null = input order. */
    timeColumn?: string | null;
    /** Label horizon in days; default read from the label name (churned_within_90d -> 90). */
    horizonDays?: number;
    /**
     * Share of labeled rows (latest as-of dates first) held out for calibration/early stopping.
     * Default: none; calibration and early stopping come from time-ordered cross-fitting, and the
     * model is fitted on every row (families that cannot cross-fit, mlp, hold out 0.2). 0: never
     * hold out.
     */
    holdoutFraction?: number;
    /** Time-ordered folds for cross-fitting (default CROSS_FIT_FOLDS). */
    crossFitFolds?: number;
    /** Training rows with as_of + embargoDays > first held-out as-of are set aside. Default: the horizon. */
    embargoDays?: number;
    /** Name of the table in messages (e.g. the file path). */
    table?: string;
    progress?: Progress;
}
export declare function trainModel(frame: Frame, options: TrainOptions): Promise<TrainedModel>;
export interface ExplainOptions {
    /** 'input' (default) sums one-hot levels and missing indicators into their column; 'output' keeps model inputs. */
    by?: 'input' | 'output';
}
/** A fitted model with its preprocessing and calibration: what `train` writes and `predict` loads. */
export declare class TrainedModel {
    readonly familyDef: FamilyDefinition;
    /** The family's model; `model.family` narrows it (and its state()) to one family. */
    readonly model: FamilyModel;
    readonly preprocessing: Preprocessing;
    readonly calibration: Calibration;
    readonly provenance: Provenance;
    /** Metrics by slice and how the fit went, as the artifact keeps them. */
    readonly diagnostics: Diagnostics;
    /** Things the user should know (constant columns, empty slices); not stored. */
    readonly warnings: readonly string[];
    constructor(familyDef: FamilyDefinition, 
    /** The family's model; `model.family` narrows it (and its state()) to one family. */
    model: FamilyModel, preprocessing: Preprocessing, calibration: Calibration, provenance: Provenance, 
    /** Metrics by slice and how the fit went, as the artifact keeps them. */
    diagnostics: Diagnostics, 
    /** Things the user should know (constant columns, empty slices); not stored. */
    warnings?: readonly string[]);
    /** Raw feature-table columns the model reads (preprocessing.inputs). */
    get features(): string[];
    /** Metrics by slice: train, holdout_uncalibrated, holdout_calibrated (where there was a holdout). */
    get metrics(): Record<string, unknown>;
    /** Training choices and the row split (provenance.training). */
    get training(): TrainingRecord;
    get family(): ModelFamily;
    get label(): string;
    /** The model's numeric inputs for a table with (at least) the `features` columns. */
    matrix(frame: Frame, table?: string): Matrix;
    /** Uncalibrated log-odds. */
    predictMargin(frame: Frame, table?: string): Float64Array;
    /** Calibrated churn probability per row, in input order. */
    predictProba(frame: Frame, table?: string): Float64Array;
    /**
     * Per-row contributions to the margin (log-odds, before calibration): bias + sum = margin.
     * By input column by default, so a categorical or an indicator shows as its column.
     */
    explain(frame: Frame, options?: ExplainOptions, table?: string): Explanation;
    /** How the fit went (coefficient table, importance, epochs): the diagnostics without the metrics. */
    summary(): Record<string, unknown>;
    toArtifact(): ModelArtifact;
    /** The artifact as the bytes `save` writes. */
    serialize(): string;
    save(path: string): Promise<void>;
}
/**
 * A TrainedModel from an artifact object or file, version 1 or 2 (validated; errors name the
 * field and the file).
 */
export declare function loadModel(artifactOrPath: string | object): Promise<TrainedModel>;
