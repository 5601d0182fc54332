/**
 * What every page shares: the shapes of the JSON the app sends, number formats, the band badge,
 * JSON requests, and drawing a compiled Vega spec with the runtime the app serves.
 */
import { html } from 'htm/preact';
/** Draws a compiled Vega spec into `el` as SVG; marks the element when drawn (tests wait for it). */
export async function drawChart(el, spec, data) {
    const view = new window.vega.View(window.vega.parse(spec), { renderer: 'svg', container: el, hover: true });
    if (data)
        view.data(data.name, data.values);
    await view.runAsync();
    el.dataset['drawn'] = 'true';
    return view;
}
export function boot() {
    return JSON.parse(document.getElementById('boot').textContent ?? 'null');
}
export class RequestError extends Error {
}
export async function requestJson(url, body) {
    const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json());
    if (!res.ok)
        throw new RequestError(json.message ?? `${res.status} ${res.statusText}`);
    return json;
}
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const fmtInt = (v) => (v === null || v === undefined ? '–' : whole.format(v));
export const fmtMoney = (v) => (v === null || v === undefined ? '–' : `$${whole.format(v)}`);
export const fmtScore = (v) => (v === null || v === undefined ? '–' : v.toFixed(1));
export const fmtPct = (v, digits = 1) => v === null || v === undefined ? '–' : `${(100 * v).toFixed(digits)}%`;
export const fmtNum = (v, digits = 3) => v === null || v === undefined ? '–' : v.toFixed(digits);
export const fmtChange = (v) => v === null || v === undefined ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
export function BandBadge({ band }) {
    return html `<span class=${`band ${band ?? 'none'}`}>${band ?? 'no data'}</span>`;
}
/** The page marks itself ready for whoever waits on it (a person sees the content; a test reads the flag). */
export function markReady(version) {
    const main = document.getElementById('app');
    main.dataset['state'] = 'ready';
    main.dataset['version'] = String(version);
}
