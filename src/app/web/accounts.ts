/**
 * Accounts at risk: one row per account at its latest snapshot. Filtering, search, sorting and
 * paging happen on the server (the list may hold 50,000 accounts); the page keeps the query in
 * its URL, so a view can be bookmarked and its CSV export is the same query.
 */
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BandBadge, fmtChange, fmtMoney, fmtPct, fmtScore, markReady, requestJson } from './shared.js';
import type { AccountRow, Band, Summary } from './wire.js';

interface Page {
  total: number;
  offset: number;
  limit: number;
  rows: AccountRow[];
}
type Counts = Record<Band | 'none', number>;

export interface AccountsBoot {
  summary: Summary;
  query: Record<string, string>;
  page: Page;
  counts: Counts;
}

interface Query {
  sort: string;
  dir: string;
  band: Band[];
  segment: string;
  owner: string;
  q: string;
  current: string;
  offset: number;
  limit: number;
}

const BANDS: Band[] = ['RED', 'YELLOW', 'GREEN'];

function fromParams(p: Record<string, string>): Query {
  return {
    sort: p['sort'] ?? 'score',
    dir: p['dir'] ?? '',
    band: (p['band'] ?? '').split(',').filter((b): b is Band => (BANDS as string[]).includes(b)),
    segment: p['segment'] ?? '',
    owner: p['owner'] ?? '',
    q: p['q'] ?? '',
    current: p['current'] ?? '1',
    offset: Number(p['offset'] ?? 0),
    limit: Number(p['limit'] ?? 100),
  };
}

/** The query string of a view; `paged` false leaves out the page (the CSV export takes every row). */
function toParams(q: Query, paged = true): string {
  const p = new URLSearchParams();
  if (q.sort !== 'score') p.set('sort', q.sort);
  if (q.dir) p.set('dir', q.dir);
  if (q.band.length) p.set('band', q.band.join(','));
  if (q.segment) p.set('segment', q.segment);
  if (q.owner) p.set('owner', q.owner);
  if (q.q) p.set('q', q.q);
  if (q.current !== '1') p.set('current', q.current);
  if (paged && q.offset) p.set('offset', String(q.offset));
  if (paged && q.limit !== 100) p.set('limit', String(q.limit));
  return p.toString();
}

const COLUMNS: { key: string; label: string; num?: boolean }[] = [
  { key: 'account_name', label: 'Account' },
  { key: 'segment', label: 'Segment' },
  { key: 'owner', label: 'Owner' },
  { key: 'arr', label: 'ARR', num: true },
  { key: 'score', label: 'Score', num: true },
  { key: 'band', label: 'Band' },
  { key: 'probability', label: 'Churn probability', num: true },
  { key: 'model_probability', label: 'Model', num: true },
  { key: 'score_change', label: 'Change', num: true },
];

export function AccountsPage({ boot }: { boot: AccountsBoot }) {
  const [query, setQuery] = useState<Query>(() => fromParams(boot.query));
  const [page, setPage] = useState<Page>(boot.page);
  const [counts, setCounts] = useState<Counts>(boot.counts);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState(query.q);
  const version = useRef(0);
  const first = useRef(true);
  const { summary } = boot;
  const columns = COLUMNS.filter(
    (c) => (c.key !== 'owner' || summary.owners !== null) && (c.key !== 'model_probability' || summary.model !== null),
  );

  useEffect(() => {
    if (first.current) {
      first.current = false;
      markReady(version.current);
      return;
    }
    const params = toParams(query);
    history.replaceState(null, '', params ? `/?${params}` : '/');
    const mine = ++version.current;
    document.getElementById('app')!.dataset['state'] = 'loading';
    requestJson<Page & { counts: Counts }>(`/api/accounts?${params}`).then(
      (r) => {
        if (mine !== version.current) return;
        setPage(r);
        setCounts(r.counts);
        setError(null);
      },
      (err: Error) => mine === version.current && setError(err.message),
    );
  }, [query]);
  useEffect(() => {
    if (!first.current) markReady(version.current);
  }, [page, error]);
  // search as you type, once typing pauses
  useEffect(() => {
    if (search === query.q) return;
    const t = setTimeout(() => setQuery({ ...query, q: search, offset: 0 }), 200);
    return () => clearTimeout(t);
  }, [search]);

  const set = (patch: Partial<Query>) => setQuery({ ...query, offset: 0, ...patch });
  const sortBy = (key: string) =>
    set(
      query.sort === key
        ? { dir: query.dir === 'asc' ? 'desc' : query.dir === 'desc' ? 'asc' : 'desc' }
        : { sort: key, dir: '' },
    );
  const toggleBand = (b: Band) =>
    set({ band: query.band.includes(b) ? query.band.filter((x) => x !== b) : [...query.band, b] });
  const last = Math.min(page.offset + page.rows.length, page.total);

  return html`
    <h1>Accounts at risk</h1>
    <p class="muted">
      ${summary.accounts.toLocaleString('en-US')} accounts as of ${summary.as_of}, scored with ${summary.scorecard}${summary.model ? `; model ${summary.model}` : ''}.
    </p>
    <div class="toolbar">
      ${BANDS.map(
        (b) =>
          html`<button class="chip" data-band=${b} aria-pressed=${query.band.includes(b) ? 'true' : 'false'} onClick=${() => toggleBand(b)}>
            <span class=${`band ${b}`}>${b}</span> ${counts[b].toLocaleString('en-US')}
          </button>`,
      )}
      <label>Segment <select id="segment" value=${query.segment} onChange=${(e: Event) => set({ segment: (e.target as HTMLSelectElement).value })}>
        <option value="">all</option>
        ${summary.segments.map((s) => html`<option value=${s}>${s}</option>`)}
      </select></label>
      ${
        summary.owners
          ? html`<label>Owner <select id="owner" value=${query.owner} onChange=${(e: Event) => set({ owner: (e.target as HTMLSelectElement).value })}>
              <option value="">all</option>
              ${summary.owners.map((o) => html`<option value=${o}>${o}</option>`)}
            </select></label>`
          : html`<span class="note" title="no owner column in the feature table or the accounts table">no owners in the data</span>`
      }
      <input type="search" id="search" placeholder="Search name or id" value=${search} onInput=${(e: Event) => setSearch((e.target as HTMLInputElement).value)} />
      <label><input type="checkbox" id="former" checked=${query.current === '0'} onChange=${(e: Event) => set({ current: (e.target as HTMLInputElement).checked ? '0' : '1' })} /> include former customers</label>
      <a class="action" id="export" href=${`/api/accounts.csv?${toParams(query, false)}`} download>Export CSV</a>
    </div>
    ${error ? html`<p class="error" id="error">${error}</p>` : null}
    <table id="accounts">
      <thead><tr>
        ${columns.map(
          (
            c,
          ) => html`<th class=${c.num ? 'num' : ''} aria-sort=${query.sort === c.key ? query.dir || 'default' : undefined}>
            <button data-sort=${c.key} onClick=${() => sortBy(c.key)}>${c.label}${query.sort === c.key ? (query.dir === 'desc' ? ' ▼' : query.dir === 'asc' ? ' ▲' : ' •') : ''}</button>
          </th>`,
        )}
        <th>Why (top three reasons)</th><th>Overrides</th>
      </tr></thead>
      <tbody>
        ${page.rows.map(
          (r) => html`<tr data-account-id=${r.account_id} data-band=${r.band ?? ''}>
          ${columns.map((c) => cell(c.key, r))}
          <td><ul class="reasons">${r.reasons.map((x) => html`<li title=${x.label}>${x.text}</li>`)}</ul></td>
          <td>${r.overrides.map((o) => html`<div title=${o.text}>${o.id}</div>`)}${r.escalate ? html`<div><b>escalate</b></div>` : null}</td>
        </tr>`,
        )}
      </tbody>
    </table>
    <div class="pager">
      <button class="action secondary" id="prev" disabled=${page.offset === 0} onClick=${() => setQuery({ ...query, offset: Math.max(0, query.offset - query.limit) })}>Previous</button>
      <span id="range">${page.total === 0 ? 'no accounts' : `${(page.offset + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}`}</span>
      <button class="action secondary" id="next" disabled=${last >= page.total} onClick=${() => setQuery({ ...query, offset: query.offset + query.limit })}>Next</button>
    </div>`;
}

function cell(key: string, r: AccountRow) {
  switch (key) {
    case 'account_name':
      return html`<td data-col=${key}><a href=${`/accounts/${encodeURIComponent(r.account_id)}`}>${r.account_name ?? r.account_id}</a>${r.account_name ? html`<div class="note">${r.account_id}</div>` : null}${r.current ? null : html`<div class="note">last seen ${r.as_of}</div>`}</td>`;
    case 'arr':
      return html`<td class="num" data-col=${key} data-value=${r.arr ?? ''}>${fmtMoney(r.arr)}</td>`;
    case 'score':
      return html`<td class="num" data-col=${key} data-value=${r.score ?? ''}>${fmtScore(r.score)}</td>`;
    case 'band':
      return html`<td data-col=${key}><${BandBadge} band=${r.band} /></td>`;
    case 'probability':
    case 'model_probability':
      return html`<td class="num" data-col=${key} data-value=${r[key] ?? ''}>${fmtPct(r[key])}</td>`;
    case 'score_change':
      return html`<td class=${`num ${r.score_change === null ? '' : r.score_change < 0 ? 'down' : r.score_change > 0 ? 'up' : ''}`} data-col=${key} data-value=${r.score_change ?? ''}>${fmtChange(r.score_change)}</td>`;
    default:
      return html`<td data-col=${key}>${(key === 'segment' ? r.segment : r.owner) ?? '–'}</td>`;
  }
}
