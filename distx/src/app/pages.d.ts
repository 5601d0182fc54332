export declare const PAGES: readonly ['accounts', 'account', 'scorecard', 'recalibration'];
export type PageName = (typeof PAGES)[number];
/** Bare module names the front end imports, mapped to the files the app serves. */
export declare const IMPORT_MAP: {
    imports: {
        preact: string;
        'preact/hooks': string;
        htm: string;
        'htm/preact': string;
    };
};
/**
 * Everything from the app's own origin and nothing else. Vega compiles chart expressions with
 * `new Function`, hence 'unsafe-eval'; the one inline script is the import map, allowed by its hash.
 */
export declare const CSP: string;
/** The backtest report inlines its scripts (it is also a file opened from disk), so its page allows them. */
export declare const REPORT_CSP: string;
/** The app's nav bar for a page that is not the app's (the report): styled inline, its own CSS untouched. */
export declare function inlineNav(current: string): string;
export interface ShellOptions {
    page: PageName;
    title: string;
    /** The nav entry to mark. */
    path: string;
    /** The page's first data (read by the front end from #boot). */
    boot: unknown;
    /** Load the vega runtime (pages with charts). */
    charts?: boolean;
}
export declare function shell(o: ShellOptions): string;
/** A 4xx or 5xx as a page a person reads: what went wrong and where to go. */
export declare function errorPage(status: number, title: string, message: string): string;
export declare const STYLE = "\n:root { --red: #d62728; --yellow: #f2b701; --green: #2ca02c; --ink: #222; --muted: #666; --line: #e3e3e3; --accent: #1f5fa8; }\n* { box-sizing: border-box; }\nbody { margin: 0; font-family: \"DejaVu Sans\", Helvetica, Arial, sans-serif; color: var(--ink); font-size: 14px; background: #fafafa; }\nnav.top { display: flex; gap: 1.2rem; align-items: center; padding: .6rem 1.2rem; background: #1d2733; }\nnav.top a { color: #cfd8e3; text-decoration: none; } nav.top a[aria-current=\"page\"] { color: #fff; font-weight: bold; }\nnav.top .brand { color: #fff; font-weight: bold; margin-right: 1rem; letter-spacing: .03em; }\nmain { padding: 1rem 1.2rem 3rem; max-width: 1500px; margin: 0 auto; }\nh1 { font-size: 1.35rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }\n.muted, .note { color: var(--muted); } .note { font-size: .85rem; }\ntable { border-collapse: collapse; width: 100%; background: #fff; }\nth, td { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }\nth { font-size: .8rem; color: #444; background: #f1f3f5; position: sticky; top: 0; white-space: nowrap; }\nth button { all: unset; cursor: pointer; } th button:hover { text-decoration: underline; }\ntd.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }\n.band { display: inline-block; min-width: 4.6em; padding: .08rem .4rem; border-radius: .25rem; color: #fff; font-size: .75rem; font-weight: bold; text-align: center; }\n.band.RED { background: var(--red); } .band.YELLOW { background: var(--yellow); color: #222; } .band.GREEN { background: var(--green); } .band.none { background: #999; }\n.toolbar { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: center; margin: .4rem 0 .8rem; }\n.toolbar label { font-size: .85rem; color: #444; } .chip { border: 1px solid var(--line); background: #fff; border-radius: 1rem; padding: .15rem .6rem; cursor: pointer; }\n.chip[aria-pressed=\"true\"] { border-color: var(--accent); background: #e8f0fb; }\ninput[type=\"search\"], select, input[type=\"text\"], input[type=\"number\"] { padding: .25rem .4rem; border: 1px solid #bbb; border-radius: .2rem; font: inherit; }\nbutton.action, a.action { padding: .3rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .2rem; cursor: pointer; text-decoration: none; font: inherit; }\nbutton.secondary { background: #fff; color: var(--accent); }\nul.reasons { margin: 0; padding-left: 1rem; } ul.reasons li { margin: 0 0 .1rem; }\n.up { color: var(--green); } .down { color: var(--red); }\n.pager { display: flex; gap: .6rem; align-items: center; margin: .6rem 0; }\n.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.2rem; }\n.card { background: #fff; border: 1px solid var(--line); border-radius: .3rem; padding: .8rem 1rem; }\n.kpis { display: flex; gap: 1.4rem; flex-wrap: wrap; } .kpi b { display: block; font-size: 1.4rem; }\n.chart { width: 100%; min-height: 120px; }\n.editor { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 1.2rem; align-items: start; }\n.editor .metrics { position: sticky; top: .6rem; }\n.layer { margin-bottom: .8rem; } .layer h3 { font-size: .95rem; margin: .2rem 0; display: flex; justify-content: space-between; }\n.slider { display: grid; grid-template-columns: 14rem 1fr 3.5rem; gap: .5rem; align-items: center; font-size: .85rem; }\n.slider input[type=\"range\"] { width: 100%; }\n.points { display: flex; flex-wrap: wrap; gap: .3rem .6rem; margin: .1rem 0 .6rem 1rem; font-size: .75rem; color: #555; }\n.thresholds { display: grid; grid-template-columns: 10rem 1fr 1fr; gap: .5rem; align-items: center; font-size: .85rem; margin: .3rem 0; }\n.points input { width: 3.6rem; }\n.better { color: var(--green); font-weight: bold; } .worse { color: var(--red); font-weight: bold; }\n.error { color: #b00; } .error-page { max-width: 50rem; }\npre.diff { background: #fff; border: 1px solid var(--line); padding: .6rem; overflow: auto; max-height: 30rem; font-size: .8rem; white-space: pre-wrap; }\n.loading { color: var(--muted); }\n.markdown table { width: auto; margin: .3rem 0 .8rem; } .markdown h2 { margin-top: .4rem; } .markdown h3 { font-size: .95rem; }\n";
