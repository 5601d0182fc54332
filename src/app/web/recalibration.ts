/** The latest quarterly recalibration, for a person to approve: the decision, the evidence and the diff. */
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { Markdown } from './markdown.js';
import { fmtPct, markReady, requestJson } from './shared.js';
import type { Summary } from './wire.js';

export interface RecalibrationBoot {
  summary: Summary;
  /** Null when the app has no folder to write in (the shipped card without --out). */
  out: string | null;
  recalibration: {
    folder: string;
    decision: { promoted?: boolean; forced?: boolean; reason?: string; evidence?: Record<string, number | null> };
    diff: string;
    weights: { layer: string; weight: number }[];
  } | null;
}

export function RecalibrationPage({ boot }: { boot: RecalibrationBoot }) {
  const r = boot.recalibration;
  const [name, setName] = useState('scorecard.approved.json');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => markReady(0), []);
  if (!r)
    return html`<h1>Recalibration</h1>
      <p id="no-recalibration">No recalibration to approve: run <code>churnkit recalibrate --previous CARD --data DIR --out RUN</code> each quarter and start the app with <code>--recalibration RUN</code>.</p>`;
  const d = r.decision;
  const approve = () =>
    requestJson<{ path: string; note: string }>('/api/recalibration/approve', { name }).then(
      (x) => setResult({ ok: true, text: `Approved: wrote ${x.path} and ${x.note}.` }),
      (err: Error) => setResult({ ok: false, text: err.message }),
    );
  return html`
    <h1>Recalibration: ${d.promoted ? 'the challenger is promoted' : 'the champion stays'}</h1>
    <p class="muted">From ${r.folder}.</p>
    <div class="card">
      <p id="decision"><b>${d.promoted ? (d.forced ? 'Promoted (forced)' : 'Promoted') : 'Not promoted'}</b>: ${d.reason ?? ''}.</p>
      ${
        d.evidence
          ? html`<table id="evidence"><tbody>${Object.entries(d.evidence).map(
              ([k, v]) =>
                html`<tr><td>${k.replace(/([A-Z])/g, ' $1').toLowerCase()}</td><td class="num">${v === null ? '–' : k.endsWith('Rate') ? fmtPct(v) : v.toFixed(3)}</td></tr>`,
            )}</tbody></table>`
          : null
      }
      <h2>Layer weights of the card it decided on</h2>
      <table id="weights"><tbody>${r.weights.map((w) => html`<tr><td>${w.layer}</td><td class="num">${fmtPct(w.weight)}</td></tr>`)}</tbody></table>
    </div>
    <h2>Diff</h2>
    <div class="card"><${Markdown} text=${r.diff} id="diff" /></div>
    <div class="card">
      <h3>Approve</h3>
      <p class="note">Copies the card the run decided on into ${boot.out ?? 'the --out folder (start the app with --out DIR)'} as a new file, with the decision beside it.</p>
      <div class="toolbar">
        <input type="text" id="approve-name" value=${name} size="36" onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} />
        <button class="action" id="approve" onClick=${approve}>Approve</button>
      </div>
      ${result ? html`<p class=${result.ok ? 'note' : 'error'} id="approve-result">${result.text}</p>` : null}
    </div>`;
}
