/**
 * What the app holds in memory from start-up on: the feature table, the served scorecard and its
 * scores for every snapshot, the model's probabilities when one is given, account names and
 * owners when known, and the walk-forward folds the editor evaluates on. Anything that does not
 * load stops start-up with the same error the CLI gives for it.
 */
import { basename, dirname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { accountFacts, loadFrame, openHistory, queryRows, textColumn, } from '../data/index.js';
import { loadScorecard, scoreTable, resolveScorecardRef, isShippedScorecard, } from '../scorecard/index.js';
import { loadModel } from '../learn/index.js';
import { backtestFolds, planScorecardFolds, backtestScorecard, } from '../evaluate/index.js';
import { ChurnkitError, UsageError } from '../util/index.js';
async function mustBeDir(path, flag) {
    const s = await stat(path).catch(() => null);
    if (!s?.isDirectory())
        throw new UsageError(`${flag} ${path}: not a folder`);
}
/** Text of a column, or null when the table has no such column. */
function optionalText(frame, name) {
    return frame.columns[name] === undefined ? null : textColumn(frame, name);
}
/** Owners from the history's accounts table, when it has an `owner` column. */
async function historyOwners(history) {
    const cols = await queryRows(history.connection, `SELECT column_name FROM (DESCRIBE SELECT * FROM accounts) WHERE column_name = 'owner'`);
    if (cols.length === 0)
        return null;
    const rows = await queryRows(history.connection, 'SELECT CAST(account_id AS VARCHAR) AS id, CAST(owner AS VARCHAR) AS owner FROM accounts');
    return new Map(rows.map((r) => [String(r['id']), r['owner'] === null ? null : String(r['owner'])]));
}
export const peerKey = (asOf, segment) => `${asOf}\u0000${segment ?? ''}`;
export async function loadAppState(options) {
    const cardPath = resolve(resolveScorecardRef(options.scorecard));
    const card = await loadScorecard(options.scorecard);
    if (options.backtest)
        await mustBeDir(options.backtest, '--backtest');
    if (options.recalibration)
        await mustBeDir(options.recalibration, '--recalibration');
    // A shipped card (default, a preset) has no folder of the user's to save edits in.
    const outDir = options.out ? resolve(options.out) : isShippedScorecard(options.scorecard) ? null : dirname(cardPath);
    if (options.out)
        await mustBeDir(options.out, '--out');
    const frame = await loadFrame(options.features);
    for (const column of ['account_id', 'as_of'])
        if (frame.columns[column] === undefined)
            throw new ChurnkitError(`${options.features}: column ${column} is missing; the app needs a churnkit feature table`, 2);
    const accountIds = textColumn(frame, 'account_id').map((id, i) => {
        if (id === null)
            throw new ChurnkitError(`${options.features}: row ${i + 1}: account_id is NULL`, 2);
        return id;
    });
    const asOf = textColumn(frame, 'as_of').map((t, i) => {
        if (t === null)
            throw new ChurnkitError(`${options.features}: row ${i + 1}: as_of is NULL`, 2);
        return t;
    });
    const scored = scoreTable(card, frame);
    let modelProbability = null;
    let modelName = null;
    if (options.model) {
        const model = await loadModel(options.model);
        modelProbability = model.predictProba(frame, options.features);
        modelName = `${model.family} (${basename(options.model)})`;
    }
    let names = null;
    let owners = null;
    const nameColumn = optionalText(frame, 'account_name');
    const ownerColumn = optionalText(frame, 'owner');
    if (nameColumn)
        names = new Map(accountIds.map((id, i) => [id, nameColumn[i] ?? null]));
    if (ownerColumn)
        owners = new Map(accountIds.map((id, i) => [id, ownerColumn[i] ?? null]));
    if (options.data) {
        const history = await openHistory(options.data);
        try {
            const facts = await accountFacts(history);
            if ([...facts.values()].some((f) => f.name !== null))
                names = new Map([...facts].map(([id, f]) => [id, f.name]));
            owners = owners ?? (await historyOwners(history));
        }
        finally {
            history.close();
        }
    }
    const rowsOf = new Map();
    let lastAsOf = '';
    for (let i = 0; i < frame.n; i++) {
        const list = rowsOf.get(accountIds[i]);
        if (list)
            list.push(i);
        else
            rowsOf.set(accountIds[i], [i]);
        if (asOf[i] > lastAsOf)
            lastAsOf = asOf[i];
    }
    const segments = optionalText(frame, 'segment') ?? accountIds.map(() => null);
    const peers = new Map();
    for (let i = 0; i < frame.n; i++) {
        const key = peerKey(asOf[i], segments[i] ?? null);
        const list = peers.get(key);
        if (list)
            list.push(i);
        else
            peers.set(key, [i]);
    }
    for (const list of rowsOf.values())
        list.sort((a, b) => (asOf[a] < asOf[b] ? -1 : asOf[a] > asOf[b] ? 1 : a - b));
    let folds = null;
    let foldsError = null;
    if (options.backtest)
        folds = await backtestFolds(frame, options.features, options.backtest);
    else {
        // a table without labels (today's snapshot only) still has accounts to show; the editor says why it cannot backtest
        try {
            folds = planScorecardFolds(frame, options.features);
        }
        catch (err) {
            if (!(err instanceof ChurnkitError))
                throw err;
            foldsError = err.message;
        }
    }
    const saved = folds ? backtestScorecard(card, scored.scores, folds) : null;
    return {
        options,
        frame,
        card,
        cardPath,
        scored,
        modelProbability,
        modelName,
        accountIds,
        asOf,
        segments,
        peers,
        names,
        owners,
        rowsOf,
        lastAsOf,
        folds,
        foldsError,
        saved,
        outDir,
    };
}
//# sourceMappingURL=state.js.map