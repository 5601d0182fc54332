/**
 * What every page shares: number formats, the band badge, JSON requests, and drawing a compiled
 * Vega spec with the runtime the app serves. The JSON's shapes are in wire.ts.
 */
import { html } from 'htm/preact';
import type { Band } from './wire.js';

/** The vega runtime the app serves as a classic script (a global). */
interface VegaView {
  runAsync(): Promise<VegaView>;
  data(name: string, values: unknown[]): VegaView;
  finalize(): void;
}
declare global {
  interface Window {
    vega: { View: new (runtime: unknown, options: Record<string, unknown>) => VegaView; parse(spec: unknown): unknown };
  }
}

/** Draws a compiled Vega spec into `el` as SVG; marks the element when drawn (tests wait for it). */
export async function drawChart(el: HTMLElement, spec: unknown, data?: { name: string; values: unknown[] }) {
  const view = new window.vega.View(window.vega.parse(spec), { renderer: 'svg', container: el, hover: true });
  if (data) view.data(data.name, data.values);
  await view.runAsync();
  el.dataset['drawn'] = 'true';
  return view;
}

export function boot<T>(): T {
  return JSON.parse(document.getElementById('boot')!.textContent ?? 'null') as T;
}

export class RequestError extends Error {}

export async function requestJson<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new RequestError(json.message ?? `${res.status} ${res.statusText}`);
  return json;
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const fmtInt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : whole.format(v));
export const fmtMoney = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `$${whole.format(v)}`);
export const fmtScore = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));
export const fmtPct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '–' : `${(100 * v).toFixed(digits)}%`;
export const fmtNum = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined ? '–' : v.toFixed(digits);
export const fmtChange = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(1)}`;

export function BandBadge({ band }: { band: Band | null }) {
  return html`<span class=${`band ${band ?? 'none'}`}>${band ?? 'no data'}</span>`;
}

/** The page marks itself ready for whoever waits on it (a person sees the content; a test reads the flag). */
export function markReady(version: number) {
  const main = document.getElementById('app')!;
  main.dataset['state'] = 'ready';
  main.dataset['version'] = String(version);
}
