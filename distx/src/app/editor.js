/**
 * The what-if editor's two actions. Evaluate: an edited card re-scores every snapshot (the
 * columnar scorer) and is backtested on the same folds as the saved card (the backtest's own
 * per-slice metrics). Save: the edited card, validated by the scorecard schema, written as a new
 * file in the app's folder with its diff, atomically; the served card is replaced only with
 * --allow-write.
 */
import { basename, resolve, sep } from 'node:path';
import { access } from 'node:fs/promises';
import { BANDS, parseScorecard, scoreColumns, serializeScorecard, writeFilesTogether, ScorecardError, } from '../scorecard/index.js';
import { backtestScorecard } from '../evaluate/index.js';
import { cardDiffLines } from '../report/index.js';
import { VERSION, groupDigits } from '../util/index.js';
import { HttpError } from '../serve/index.js';
/** Accounts of the latest snapshot per band under `scores` (rows with too little data count as none). */
export function todayCounts(state, card, scores) {
    const min = card.min_coverage ?? 0.5;
    const counts = { RED: 0, YELLOW: 0, GREEN: 0, none: 0 };
    for (const rows of state.rowsOf.values()) {
        const i = rows[rows.length - 1];
        if (state.asOf[i] !== state.lastAsOf)
            continue;
        if (scores.coverage[i] < min - 1e-9)
            counts.none++;
        else
            counts[BANDS[scores.band[i]]]++;
    }
    return counts;
}
/** A card from a request body, validated like a card file; its problem is a 400 naming the field. */
export function cardFromBody(body) {
    try {
        return parseScorecard(body);
    }
    catch (err) {
        if (err instanceof ScorecardError)
            throw new HttpError(400, 'invalid_scorecard', err.message);
        throw err;
    }
}
/** Per app, the arrays of the last evaluation, reused by the next (every one is overwritten). */
const scratch = new WeakMap();
export function evaluateCard(state, card) {
    if (!state.folds)
        throw new HttpError(409, 'no_folds', `the feature table cannot be backtested: ${state.foldsError ?? 'no folds'}`);
    const scores = scoreColumns(card, state.frame, scratch.get(state));
    scratch.set(state, scores);
    return { backtest: backtestScorecard(card, scores, state.folds), today: todayCounts(state, card, scores) };
}
/** File names Save accepts: one plain name in the app's folder, ending in .json. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json$/;
/** The card as saved: provenance says it was edited by hand from the served card. */
function savedCard(state, card) {
    return {
        ...card,
        provenance: {
            churnkit_version: VERSION,
            source: 'manual',
            edited_from: basename(state.cardPath),
            edited_from_source: state.card.provenance.source,
        },
    };
}
/**
 * Where a new card named `name` goes, with the Markdown note beside it (`<stem><suffix>`):
 * a plain name in the app's folder, no existing file replaced, the served card only with
 * --allow-write.
 */
export async function newCardTarget(state, name, suffix) {
    if (!FILE_NAME.test(name) || name.includes('..'))
        throw new HttpError(400, 'bad_file_name', `"${name}" is not a file name the app writes: letters, digits, . _ -, ending in .json, no folders`, 'name');
    const outDir = state.outDir;
    if (outDir === null)
        throw new HttpError(409, 'no_folder', 'the app serves the shipped scorecard and has no folder of yours to write in: start it with --out DIR');
    const path = resolve(outDir, name);
    if (!path.startsWith(outDir + sep))
        throw new HttpError(400, 'bad_file_name', `${name} is outside ${outDir}`);
    const notePath = path.replace(/\.json$/, suffix);
    const serving = path === state.cardPath;
    if (serving && !state.options.allowWrite)
        throw new HttpError(409, 'served_scorecard', `${name} is the scorecard being served; save under another name, or start the app with --allow-write`, 'name');
    for (const p of serving ? [notePath] : [path, notePath]) {
        const taken = await access(p).then(() => true, () => false);
        if (taken && !(serving && state.options.allowWrite))
            throw new HttpError(409, 'file_exists', `${basename(p)} exists in ${outDir}; choose another name`, 'name');
    }
    return { path, notePath };
}
/** Writes the card and its note together (neither appears without the other), the card validated as written. */
export async function writeCard(target, card, note) {
    const bytes = serializeScorecard(card);
    parseScorecard(JSON.parse(bytes));
    await writeFilesTogether([
        { path: target.path, data: bytes },
        { path: target.notePath, data: note },
    ]);
}
export async function saveCard(state, card, name) {
    const target = await newCardTarget(state, name, '.diff.md');
    const next = savedCard(state, card);
    const evaluation = state.folds ? evaluateCard(state, next) : null;
    const diff = diffText(state, next, name, evaluation);
    await writeCard(target, next, diff);
    return { path: target.path, diff_path: target.notePath, diff };
}
const pct = (v) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
const num = (v) => (v === null || v === undefined ? '–' : v.toFixed(3));
function diffText(state, next, name, evaluation) {
    const out = [`# ${name} against ${basename(state.cardPath)}`, '', 'Edited in the churnkit app.', ''];
    if (evaluation && state.saved) {
        const a = state.saved.pooled;
        const b = evaluation.backtest.pooled;
        const folds = state.folds;
        out.push(`## Backtest (${folds.folds.length} walk-forward folds, ${groupDigits(a.rows)} test snapshots${folds.source === 'backtest' ? `, the folds of ${state.options.backtest}` : ''})`, '', '| metric | saved | edited |', '|---|---:|---:|', `| ROC AUC | ${num(a.auc)} | ${num(b.auc)} |`, `| PR AUC | ${num(a.pr_auc)} | ${num(b.pr_auc)} |`, `| precision at capacity | ${pct(a.precision_at_capacity)} | ${pct(b.precision_at_capacity)} |`, `| recall at capacity | ${pct(a.recall_at_capacity)} | ${pct(b.recall_at_capacity)} |`, ...BANDS.map((band) => `| ${band} snapshots (churn rate) | ${a.bands[band].rows} (${pct(a.bands[band].rate)}) | ${b.bands[band].rows} (${pct(b.bands[band].rate)}) |`), '');
    }
    out.push(...cardDiffLines(state.card, next));
    return `${out.join('\n')}\n`;
}
//# sourceMappingURL=editor.js.map