import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ChurnkitError, verifyArtifact } from '../util/index.js';
import { INPUT_COLUMNS } from './schemas.js';
import type { ModelArtifact } from '../learn/index.js';
import { loadServedModel, type ServedModel } from './served-model.js';
import { Serial } from '../util/index.js';
import {
  resolveScorecardRef,
  compileScorer,
  parseScorecard,
  type Scorecard,
  type ScoreResult,
  type Signals,
} from '../scorecard/index.js';

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

/** An artifact file's bytes and parsed JSON; `what` ("scorecard", "model") names it in errors. */
async function readArtifact(what: string, path: string): Promise<{ bytes: string; artifact: unknown }> {
  const bytes = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new ChurnkitError(`${what} ${path}: cannot read (${err.code ?? err.message})`, 2);
  });
  try {
    return { bytes, artifact: JSON.parse(bytes) };
  } catch (err) {
    throw new ChurnkitError(`${what} ${path}: not valid JSON (${(err as Error).message})`, 2);
  }
}

/** Loads and compiles a scorecard artifact with the scorecard module; throws ChurnkitError when it is unusable. */
export const loadServableScorecard: ScorecardLoader = async (pathOrDefault) => {
  const path = resolveScorecardRef(pathOrDefault);
  const { bytes, artifact } = await readArtifact('scorecard', path);
  // A card churnkit signed and someone changed is refused on load and on every hot reload.
  const { content } = verifyArtifact(artifact, path);
  let card: Scorecard;
  try {
    card = parseScorecard(content);
  } catch (err) {
    throw new ChurnkitError(`scorecard ${path}: ${(err as Error).message}`, 2);
  }
  const loaded: LoadedScorecard = {
    ...finishLoad(path, bytes, artifact as Record<string, unknown>, compileScorer(card)),
    card,
  };
  // The schema has checked kind, version and family; loadModel validates the rest of the artifact.
  if (card.model)
    loaded.model = await loadServedModel(card.model as unknown as ModelArtifact, `scorecard ${path}: model`);
  return loaded;
};

/**
 * A loader that serves a model: alone (`scorecard` null: `serve --model M.json`), or beside a
 * scorecard (`serve --scorecard S --model M`), where it takes the place of an embedded model.
 * The model file is fingerprinted with the scorecard, so a reload sees either change.
 */
export function modelLoader(modelPath: string, scorecard: ScorecardLoader | null): ScorecardLoader {
  return async (pathOrDefault) => {
    const { bytes, artifact } = await readArtifact('model', modelPath);
    const model = await loadServedModel(artifact as ModelArtifact, `model ${modelPath}`);
    if (scorecard === null) {
      return {
        fingerprint: createHash('sha256').update(bytes).digest('hex'),
        source: basename(modelPath),
        artifact: artifact as Record<string, unknown>,
        model,
      };
    }
    const card = await scorecard(pathOrDefault);
    return {
      ...card,
      fingerprint: createHash('sha256').update(card.fingerprint).update(bytes).digest('hex'),
      model,
    };
  };
}

/**
 * Wraps a compiled scorer after a smoke test: an account with every signal missing must score
 * to a finite number, so a scorecard that parses but cannot score is refused before it serves.
 */
export function finishLoad(
  pathOrDefault: string,
  bytes: string,
  artifact: Record<string, unknown>,
  scorer: (s: Signals) => ScoreResult,
): LoadedScorecard {
  const empty: Signals = {};
  for (const c of INPUT_COLUMNS) empty[c] = null;
  let probe: ScoreResult;
  try {
    probe = scorer(empty);
  } catch (err) {
    throw new ChurnkitError(
      `scorecard ${pathOrDefault}: cannot score an account with no signals (${(err as Error).message})`,
      2,
    );
  }
  if (!Number.isFinite(probe.score))
    throw new ChurnkitError(`scorecard ${pathOrDefault}: scores an account with no signals as ${probe.score}`, 2);
  return {
    fingerprint: createHash('sha256').update(bytes).digest('hex'),
    source: basename(pathOrDefault),
    artifact,
    score: scorer,
  };
}

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
export class ScorecardSource {
  current: LoadedScorecard;
  reloadsOk = 0;
  reloadsRefused = 0;
  lastError: string | null = null;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly serial = new Serial();

  private constructor(
    readonly path: string,
    private readonly loader: ScorecardLoader,
    initial: LoadedScorecard,
    private readonly events: ScorecardSourceEvents,
  ) {
    this.current = initial;
  }

  static async open(
    path: string,
    loader: ScorecardLoader = loadServableScorecard,
    events: ScorecardSourceEvents = {},
  ): Promise<ScorecardSource> {
    const resolved = resolve(resolveScorecardRef(path));
    return new ScorecardSource(resolved, loader, await loader(resolved), events);
  }

  /** Reloads from disk; reloads never overlap, so the last one to finish reflects the file's latest state. */
  reload(trigger = 'manual'): Promise<ReloadOutcome> {
    return this.serial.run(() => this.reloadNow(trigger));
  }

  private async reloadNow(trigger: string): Promise<ReloadOutcome> {
    let outcome: ReloadOutcome;
    try {
      const next = await this.loader(this.path);
      if (next.fingerprint === this.current.fingerprint) {
        outcome = { ok: true, changed: false };
      } else {
        this.current = next;
        this.reloadsOk++;
        this.lastError = null;
        outcome = { ok: true, changed: true };
      }
    } catch (err) {
      this.reloadsRefused++;
      this.lastError = (err as Error).message;
      outcome = { ok: false, changed: false, error: this.lastError };
    }
    this.events.onReload?.(outcome, trigger);
    return outcome;
  }

  /**
   * Watches the scorecard's folder rather than the file: editors and atomic writers replace the
   * file by rename, which a watch on the file itself would stop seeing after the first change.
   */
  watch(debounceMs = 150): void {
    if (this.watcher) return;
    const name = basename(this.path);
    this.watcher = watch(dirname(this.path), { persistent: false }, (_event, filename) => {
      if (filename !== null && filename.toString() !== name) return;
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(() => {
        this.debounce = null;
        void this.reload('file change');
      }, debounceMs);
    });
    this.watcher.on('error', (err) => {
      this.lastError = `watching ${dirname(this.path)} failed: ${err.message}`;
    });
  }

  async close(): Promise<void> {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.watcher?.close();
    this.watcher = null;
    await this.serial.run(async () => undefined);
  }
}
