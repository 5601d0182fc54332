import { type ServedModel } from './served-model.js';
import { type Scorecard, type ScoreResult, type Signals } from '../scorecard/index.js';
/** A scorecard ready to serve: its compiled scorer and what /v1/model reports about it. */
export interface LoadedScorecard {
    /** sha256 of the artifact bytes: tells which file a score came from, across reloads. */
    fingerprint: string;
    /** The file name, never the full path. */
    source: string;
    /** The artifact as parsed JSON, for metadata and provenance. */
    artifact: Record<string, unknown>;
    /** The scorecard's scorer; absent when a model is served alone (`serve --model M.json`). */
    score?(signals: Signals): ScoreResult;
    /** The parsed scorecard, when the loader has one: columnar requests then use its batch scorer. */
    card?: Scorecard;
    /** The model answering model_probability and model_reasons: the card's embedded one, or `serve --model`. */
    model?: ServedModel;
}
export type ScorecardLoader = (pathOrDefault: string) => Promise<LoadedScorecard>;
/** Loads and compiles a scorecard artifact with the scorecard module; throws ChurnkitError when it is unusable. */
export declare const loadServableScorecard: ScorecardLoader;
/**
 * A loader that serves a model: alone (`scorecard` null: `serve --model M.json`), or beside a
 * scorecard (`serve --scorecard S --model M`), where it takes the place of an embedded model.
 * The model file is fingerprinted with the scorecard, so a reload sees either change.
 */
export declare function modelLoader(modelPath: string, scorecard: ScorecardLoader | null): ScorecardLoader;
/**
 * Wraps a compiled scorer after a smoke test: an account with every signal missing must score
 * to a finite number, so a scorecard that parses but cannot score is refused before it serves.
 */
export declare function finishLoad(pathOrDefault: string, bytes: string, artifact: Record<string, unknown>, scorer: (s: Signals) => ScoreResult): LoadedScorecard;
export interface ReloadOutcome {
    ok: boolean;
    /** False when the file is byte-identical to the one serving (nothing swapped, nothing counted). */
    changed: boolean;
    error?: string;
}
export interface ScorecardSourceEvents {
    onReload?(outcome: ReloadOutcome, trigger: string): void;
}
/**
 * The scorecard serving now, swapped atomically: each request reads `current` once, so it is
 * scored wholly by the old card or wholly by the new one. A new file that fails to load is
 * refused and the old card keeps serving.
 */
export declare class ScorecardSource {
    readonly path: string;
    private readonly loader;
    private readonly events;
    current: LoadedScorecard;
    reloadsOk: number;
    reloadsRefused: number;
    lastError: string | null;
    private watcher;
    private debounce;
    private readonly serial;
    private constructor();
    static open(path: string, loader?: ScorecardLoader, events?: ScorecardSourceEvents): Promise<ScorecardSource>;
    /** Reloads from disk; reloads never overlap, so the last one to finish reflects the file's latest state. */
    reload(trigger?: string): Promise<ReloadOutcome>;
    private reloadNow;
    /**
     * Watches the scorecard's folder rather than the file: editors and atomic writers replace the
     * file by rename, which a watch on the file itself would stop seeing after the first change.
     */
    watch(debounceMs?: number): void;
    close(): Promise<void>;
}
