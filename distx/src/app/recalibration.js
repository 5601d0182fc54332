/**
 * The latest `churnkit recalibrate` run, for a person to approve: its decision (promoted or not,
 * why, the evidence), the diff of champion and challenger, and Approve, which copies the card
 * the run decided on into the app's folder under a new name with the decision beside it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadScorecard } from '../scorecard/index.js';
import { ChurnkitError } from '../util/index.js';
import { HttpError } from '../serve/index.js';
import { newCardTarget, writeCard } from './editor.js';
async function readText(path) {
    try {
        return await readFile(path, 'utf8');
    }
    catch (err) {
        throw new HttpError(404, 'no_recalibration', `${path}: cannot read (${err.code ?? String(err)}); is it a churnkit recalibrate --out folder?`);
    }
}
async function decidedCard(folder) {
    try {
        return await loadScorecard(join(folder, 'scorecard.json'));
    }
    catch (err) {
        if (err instanceof ChurnkitError)
            throw new HttpError(422, 'bad_recalibration', err.message);
        throw err;
    }
}
/** The folder's decision, read on every request: a new quarterly run shows without a restart. */
export async function recalibrationView(state) {
    const folder = state.options.recalibration;
    if (!folder)
        return null;
    let decision;
    try {
        decision = JSON.parse(await readText(join(folder, 'decision.json')));
    }
    catch (err) {
        if (err instanceof SyntaxError)
            throw new HttpError(422, 'bad_recalibration', `${folder}/decision.json: ${err.message}`);
        throw err;
    }
    const diff = await readText(join(folder, 'diff.md'));
    const card = await decidedCard(folder);
    return { folder, decision, diff, weights: card.layers.map((l) => ({ layer: l.name, weight: l.weight })) };
}
/** Approve: the decided card, unchanged, as `name` in the app's folder, with `<stem>.approval.md`. */
export async function approveRecalibration(state, name) {
    const view = await recalibrationView(state);
    if (!view)
        throw new HttpError(404, 'no_recalibration', 'start the app with --recalibration DIR (a recalibrate --out folder)');
    const card = await decidedCard(view.folder);
    const target = await newCardTarget(state, name, '.approval.md');
    const reason = typeof view.decision['reason'] === 'string' ? view.decision['reason'] : '';
    const note = [
        `# Approved: ${name}`,
        '',
        `The card \`churnkit recalibrate\` decided on in ${view.folder} (scorecard.json, ${view.decision['promoted'] ? 'the challenger, promoted' : 'the champion, kept'}).`,
        '',
        `Decision: ${reason}.`,
        '',
        view.diff,
    ].join('\n');
    await writeCard(target, card, note);
    return { path: target.path, note: target.notePath };
}
//# sourceMappingURL=recalibration.js.map