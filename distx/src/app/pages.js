/**
 * The HTML the app sends: one shell per page (the page's first data inlined as JSON, so the
 * first paint needs no second request), an error page for 4xx and 5xx, the style sheet, and the
 * Content-Security-Policy that keeps every request on the app's own origin.
 */
import { createHash } from 'node:crypto';
export const PAGES = ['accounts', 'account', 'scorecard', 'recalibration'];
const escapeHtml = (s) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
/** JSON inside a <script>: no `</script>` or `<!--` can end it early. */
const scriptJson = (v) => JSON.stringify(v).replace(/</g, '\\u003c');
/** Bare module names the front end imports, mapped to the files the app serves. */
export const IMPORT_MAP = {
    imports: {
        preact: '/assets/vendor/preact.mjs',
        'preact/hooks': '/assets/vendor/hooks.mjs',
        htm: '/assets/vendor/htm.mjs',
        'htm/preact': '/assets/vendor/htm-preact.mjs',
    },
};
const importMapText = JSON.stringify(IMPORT_MAP);
/** Every module of the front end, preloaded at once instead of discovered import by import. */
const MODULES = [
    ...Object.values(IMPORT_MAP.imports),
    ...['main', 'shared', 'accounts', 'account', 'editor', 'recalibration', 'markdown'].map((m) => `/assets/app/${m}.js`),
];
const importMapHash = createHash('sha256').update(importMapText).digest('base64');
/**
 * Everything from the app's own origin and nothing else. Vega compiles chart expressions with
 * `new Function`, hence 'unsafe-eval'; the one inline script is the import map, allowed by its hash.
 */
export const CSP = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' 'sha256-${importMapHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
].join('; ');
/** The backtest report inlines its scripts (it is also a file opened from disk), so its page allows them. */
export const REPORT_CSP = CSP.replace(/script-src [^;]*/, "script-src 'self' 'unsafe-inline' 'unsafe-eval'");
const NAV = [
    ['/', 'Accounts at risk'],
    ['/scorecard', 'Scorecard editor'],
    ['/report', 'Backtest report'],
    ['/recalibration', 'Recalibration'],
];
function nav(current) {
    return `<nav class="top"><span class="brand">churnkit</span>${NAV.map(([href, label]) => `<a href="${href}"${href === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`).join('')}</nav>`;
}
/** The app's nav bar for a page that is not the app's (the report): styled inline, its own CSS untouched. */
export function inlineNav(current) {
    const link = (href, label) => `<a href="${href}" style="color:${href === current ? '#fff' : '#cfd8e3'};text-decoration:none;margin-right:1.2rem${href === current ? ';font-weight:bold' : ''}">${escapeHtml(label)}</a>`;
    return `<style>html { overflow-x: hidden; }</style><nav style="background:#1d2733;padding:.6rem 1.2rem;margin:-2rem calc(50% - 50vw) 1.5rem;font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:14px"><b style="color:#fff;margin-right:2rem">churnkit</b>${NAV.map(([href, label]) => link(href, label)).join('')}</nav>`;
}
export function shell(o) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} · churnkit</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script type="importmap">${importMapText}</script>
${MODULES.map((m) => `<link rel="modulepreload" href="${m}">`).join('\n')}
</head>
<body>
${nav(o.path)}
<main id="app" data-page="${o.page}"><p class="loading">Loading…</p></main>
<script type="application/json" id="boot">${scriptJson(o.boot)}</script>
${o.charts ? '<script src="/assets/vendor/vega.min.js"></script>\n' : ''}<script type="module" src="/assets/app/main.js"></script>
</body>
</html>
`;
}
/** A 4xx or 5xx as a page a person reads: what went wrong and where to go. */
export function errorPage(status, title, message) {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${status} ${escapeHtml(title)} · churnkit</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
${nav('')}
<main class="error-page"><h1>${status} ${escapeHtml(title)}</h1><p id="error-message">${escapeHtml(message)}</p><p><a href="/">Back to the accounts at risk</a></p></main>
</body>
</html>
`;
}
export const STYLE = `
:root { --red: #d62728; --yellow: #f2b701; --green: #2ca02c; --ink: #222; --muted: #666; --line: #e3e3e3; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--ink); font-size: 14px; background: #fafafa; }
nav.top { display: flex; gap: 1.2rem; align-items: center; padding: .6rem 1.2rem; background: #1d2733; }
nav.top a { color: #cfd8e3; text-decoration: none; } nav.top a[aria-current="page"] { color: #fff; font-weight: bold; }
nav.top .brand { color: #fff; font-weight: bold; margin-right: 1rem; letter-spacing: .03em; }
main { padding: 1rem 1.2rem 3rem; max-width: 1500px; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
.muted, .note { color: var(--muted); } .note { font-size: .85rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-size: .8rem; color: #444; background: #f1f3f5; position: sticky; top: 0; white-space: nowrap; }
th button { all: unset; cursor: pointer; } th button:hover { text-decoration: underline; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.band { display: inline-block; min-width: 4.6em; padding: .08rem .4rem; border-radius: .25rem; color: #fff; font-size: .75rem; font-weight: bold; text-align: center; }
.band.RED { background: var(--red); } .band.YELLOW { background: var(--yellow); color: #222; } .band.GREEN { background: var(--green); } .band.none { background: #999; }
.toolbar { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: center; margin: .4rem 0 .8rem; }
.toolbar label { font-size: .85rem; color: #444; } .chip { border: 1px solid var(--line); background: #fff; border-radius: 1rem; padding: .15rem .6rem; cursor: pointer; }
.chip[aria-pressed="true"] { border-color: var(--accent); background: #e8f0fb; }
input[type="search"], select, input[type="text"], input[type="number"] { padding: .25rem .4rem; border: 1px solid #bbb; border-radius: .2rem; font: inherit; }
button.action, a.action { padding: .3rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .2rem; cursor: pointer; text-decoration: none; font: inherit; }
button.secondary { background: #fff; color: var(--accent); }
ul.reasons { margin: 0; padding-left: 1rem; } ul.reasons li { margin: 0 0 .1rem; }
.up { color: var(--green); } .down { color: var(--red); }
.pager { display: flex; gap: .6rem; align-items: center; margin: .6rem 0; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.2rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .3rem; padding: .8rem 1rem; }
.kpis { display: flex; gap: 1.4rem; flex-wrap: wrap; } .kpi b { display: block; font-size: 1.4rem; }
.chart { width: 100%; min-height: 120px; }
.editor { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 1.2rem; align-items: start; }
.editor .metrics { position: sticky; top: .6rem; }
.layer { margin-bottom: .8rem; } .layer h3 { font-size: .95rem; margin: .2rem 0; display: flex; justify-content: space-between; }
.slider { display: grid; grid-template-columns: 14rem 1fr 3.5rem; gap: .5rem; align-items: center; font-size: .85rem; }
.slider input[type="range"] { width: 100%; }
.points { display: flex; flex-wrap: wrap; gap: .3rem .6rem; margin: .1rem 0 .6rem 1rem; font-size: .75rem; color: #555; }
.thresholds { display: grid; grid-template-columns: 10rem 1fr 1fr; gap: .5rem; align-items: center; font-size: .85rem; margin: .3rem 0; }
.points input { width: 3.6rem; }
.better { color: var(--green); font-weight: bold; } .worse { color: var(--red); font-weight: bold; }
.error { color: #b00; } .error-page { max-width: 50rem; }
pre.diff { background: #fff; border: 1px solid var(--line); padding: .6rem; overflow: auto; max-height: 30rem; font-size: .8rem; white-space: pre-wrap; }
.loading { color: var(--muted); }
.markdown table { width: auto; margin: .3rem 0 .8rem; } .markdown h2 { margin-top: .4rem; } .markdown h3 { font-size: .95rem; }
`;
//# sourceMappingURL=pages.js.map