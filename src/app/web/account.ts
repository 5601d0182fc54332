/** One account: its score history, layers, signals against its segment, reasons, overrides and raw events. */
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BandBadge, drawChart, fmtChange, fmtMoney, fmtPct, fmtScore, markReady, requestJson } from './shared.js';
import type { AccountDetail, AccountRow, Band, EventRow, Summary } from './wire.js';

interface Judgment {
  id: number;
  as_of: string;
  band: Band | null;
  score: number | null;
  reason: string;
  author: string;
  recorded_at: string;
  computed: { as_of: string; score: number; band: Band } | null;
}

export interface AccountBoot {
  summary: Summary;
  events: boolean;
  /** Judgments can be recorded (the app runs with --history). */
  judgments: boolean;
  detail: AccountDetail;
}

function Chart({ spec, id }: { spec: unknown; id: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || !spec) return;
    const drawing = drawChart(el.current, spec);
    return () => {
      void drawing.then((v) => v.finalize());
    };
  }, [spec]);
  return html`<div class="chart" id=${id} ref=${el}></div>`;
}

const judged = (j: Judgment) =>
  html`${j.band ? html`<${BandBadge} band=${j.band} />` : null}${j.score !== null ? html` ${fmtScore(j.score)}` : null}`;

/**
 * A CSM's own judgment beside the computed score: the list, and a form to record one. The
 * computed score stays what it is; a judgment is its own row in the score history.
 */
function Judgments({ account, onChange }: { account: AccountRow; onChange: (latest: Judgment | null) => void }) {
  const [list, setList] = useState<Judgment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [band, setBand] = useState<string>('');
  const [score, setScore] = useState<string>('');
  const [reason, setReason] = useState('');
  const [author, setAuthor] = useState('');
  const [saving, setSaving] = useState(false);
  const url = `/api/accounts/${encodeURIComponent(account.account_id)}/judgments`;
  useEffect(() => {
    requestJson<{ judgments: Judgment[] }>(url).then(
      (r) => {
        setList(r.judgments);
        onChange(r.judgments.at(-1) ?? null);
      },
      (err: Error) => setError(err.message),
    );
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const made = await requestJson<Judgment>(url, {
        band: band === '' ? null : band,
        score: score.trim() === '' ? null : Number(score),
        reason,
        author,
      });
      const next = [...(list ?? []), made].sort((a, b) =>
        a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : a.id - b.id,
      );
      setList(next);
      onChange(next.at(-1) ?? null);
      setReason('');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  return html`<section id="judgments">
    <h2>CSM judgments</h2>
    <p class="note">A CSM's own band or score, kept beside the computed score (never in its place); the backtest measures whether they beat it (<code>backtest --judgments</code>).</p>
    ${list === null && !error ? html`<p class="loading">Reading the judgments…</p>` : null}
    ${
      list && list.length > 0
        ? html`<table id="judgment-list"><thead><tr><th>as of</th><th>CSM</th><th>computed</th><th>author</th><th>reason</th></tr></thead>
          <tbody>${list.map(
            (j) => html`<tr data-judgment=${j.id}><td>${j.as_of}</td><td>${judged(j)}</td>
              <td>${j.computed ? html`<${BandBadge} band=${j.computed.band} /> ${fmtScore(j.computed.score)} <span class="note">(${j.computed.as_of})</span>` : '–'}</td>
              <td>${j.author}</td><td>${j.reason}</td></tr>`,
          )}</tbody></table>`
        : list
          ? html`<p class="note" id="judgment-list">No judgment recorded for this account.</p>`
          : null
    }
    <form id="judgment-form" onSubmit=${submit}>
      <label>Band <select id="judgment-band" value=${band} onChange=${value(setBand)}><option value="">–</option><option>RED</option><option>YELLOW</option><option>GREEN</option></select></label>
      <label>or score <input id="judgment-score" type="number" min="0" max="100" step="1" size="4" value=${score} onInput=${value(setScore)} /></label>
      <label>Reason <input id="judgment-reason" type="text" size="40" value=${reason} onInput=${value(setReason)} /></label>
      <label>Author <input id="judgment-author" type="text" size="14" value=${author} onInput=${value(setAuthor)} /></label>
      <button class="action" id="judgment-save" type="submit" disabled=${saving}>Record judgment</button>
    </form>
    ${error ? html`<p class="error" id="judgment-error">${error}</p>` : null}
  </section>`;
}

export function AccountPage({ boot }: { boot: AccountBoot }) {
  const { detail, summary } = boot;
  const a = detail.account;
  const [events, setEvents] = useState<{ as_of: string; rows: EventRow[] } | null>(null);
  const [eventsError, setEventsError] = useState<string | null>(null);
  const [latestJudgment, setLatestJudgment] = useState<Judgment | null>(null);
  useEffect(() => {
    if (!boot.events) {
      markReady(0);
      return;
    }
    requestJson<{ as_of: string; rows: EventRow[] }>(`/api/accounts/${encodeURIComponent(a.account_id)}/events`).then(
      (r) => setEvents(r),
      (err: Error) => setEventsError(err.message),
    );
  }, []);
  useEffect(() => {
    if (events || eventsError) markReady(1);
  }, [events, eventsError]);

  return html`
    <p><a href="/">← Accounts at risk</a></p>
    <h1>${a.account_name ?? a.account_id} <${BandBadge} band=${a.band} /></h1>
    <p class="muted">${a.account_id} · ${a.segment ?? 'no segment'}${a.owner ? ` · owner ${a.owner}` : ''} · as of ${a.as_of}${a.current ? '' : ' (no longer in the latest snapshot)'}</p>
    <div class="kpis card">
      <div class="kpi" id="kpi-score">Score<b>${fmtScore(a.score)}</b></div>
      ${latestJudgment ? html`<div class="kpi" id="kpi-judgment">CSM judgment<b>${judged(latestJudgment)}</b><span class="note">${latestJudgment.author}, ${latestJudgment.as_of}</span></div>` : null}
      <div class="kpi">Change since the previous snapshot<b class=${a.score_change !== null && a.score_change < 0 ? 'down' : ''}>${fmtChange(a.score_change)}</b></div>
      <div class="kpi">Churn probability (scorecard)<b>${fmtPct(a.probability)}</b></div>
      ${detail.model ? html`<div class="kpi" id="kpi-model">Model probability<b>${fmtPct(a.model_probability)}</b><span class="note">${detail.model}</span></div>` : null}
      <div class="kpi">ARR<b>${fmtMoney(a.arr)}</b></div>
      <div class="kpi">Data coverage<b>${fmtPct(detail.coverage, 0)}</b></div>
    </div>
    <div class="grid">
      <div class="card"><${Chart} id="chart-score" spec=${detail.charts.score} /></div>
      <div class="card">
        ${detail.charts.probability ? html`<${Chart} id="chart-probability" spec=${detail.charts.probability} />` : html`<p class="note">No probability: the scorecard has no score-to-probability map and no model was given.</p>`}
      </div>
    </div>
    <div class="grid">
      <div>
        <h2>Why (top three reasons)</h2>
        <ul class="reasons" id="reasons">${a.reasons.map((r) => html`<li><b>${r.label}</b>: ${r.text}</li>`)}</ul>
        <h2>Overrides</h2>
        ${a.overrides.length || a.escalate ? html`<ul id="overrides">${a.overrides.map((o) => html`<li><b>${o.id}</b>: ${o.text}</li>`)}</ul>` : html`<p class="note" id="overrides">No override fired.</p>`}
        <h2>Layers</h2>
        <table id="layers"><thead><tr><th>layer</th><th class="num">weight</th><th class="num">score</th></tr></thead>
          <tbody>${detail.layers.map((l) => html`<tr><td>${l.name}</td><td class="num">${fmtPct(l.weight, 0)}</td><td class="num">${fmtScore(l.score)}</td></tr>`)}</tbody>
        </table>
        <h2>Context</h2>
        <table id="context"><tbody>${detail.context.map((c) => html`<tr><td>${c.label}</td><td>${c.value_text}</td></tr>`)}</tbody></table>
      </div>
      <div>
        <h2>Each signal against the ${a.segment ?? ''} segment's median</h2>
        <table id="signals"><thead><tr><th>signal</th><th class="num">share of score</th><th class="num">this account</th><th class="num">segment median</th><th class="num">points</th></tr></thead>
          <tbody>${detail.signals.map(
            (
              s,
            ) => html`<tr data-feature=${s.feature}><td title=${s.sentence}>${s.label}<div class="note">${s.sentence}</div></td>
              <td class="num">${fmtPct(s.weight, 1)}</td><td class="num">${s.value_text}</td><td class="num">${s.median_text}</td><td class="num">${s.points ?? '–'}</td></tr>`,
          )}</tbody>
        </table>
      </div>
    </div>
    ${
      boot.judgments
        ? html`<${Judgments} account=${a} onChange=${setLatestJudgment} />`
        : html`<p class="note" id="judgments">Start the app with <code>--history DB</code> (a score history) to record a CSM's own band or score for this account beside the computed one.</p>`
    }
    <h2>Raw events behind the features</h2>
    ${
      !boot.events
        ? html`<p class="note" id="events">Start the app with <code>--data DIR</code> (the history the features were built from) to see the events behind each feature.</p>`
        : eventsError
          ? html`<p class="error" id="events">${eventsError}</p>`
          : !events
            ? html`<p class="loading" id="events">Counting the events…</p>`
            : html`<table id="events"><thead><tr><th>feature</th><th>what was counted (before ${events.as_of})</th><th class="num">last window</th><th class="num">compared with</th></tr></thead>
                <tbody>${events.rows.map(
                  (e) =>
                    html`<tr data-feature=${e.feature}><td>${e.label}</td><td>${e.missing ?? e.what}</td><td class="num">${e.last ?? '–'}</td><td class="num">${e.prior ?? '–'}</td></tr>`,
                )}</tbody></table>`
    }
    <p class="note">${summary.features}: ${detail.history.length} snapshots of this account.</p>`;
}
