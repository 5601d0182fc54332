/**
 * Vega-Lite spec -> Vega -> SVG (headless, no DOM) -> PNG. The same specs are inlined in the
 * HTML report and drawn there by the vega runtime; the PNGs are for slides and Markdown.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
/** Fonts resvg looks for; DejaVu ships with Debian's Chromium and fontconfig. */
const FONT_FAMILY = 'DejaVu Sans';
/** Shared look: readable at slide size, no chart border, one font. */
export const CHART_CONFIG = {
    font: FONT_FAMILY,
    view: { stroke: null },
    title: { fontSize: 15, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555' },
    axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#eee' },
    legend: { labelFontSize: 11, titleFontSize: 12 },
};
const silentLogger = {
    level() {
        return 0;
    },
    error: (...args) => {
        throw new Error(args.map(String).join(' '));
    },
    warn: () => silentLogger,
    info: () => silentLogger,
    debug: () => silentLogger,
};
export function vegaSpec(spec) {
    // vega-lite's warnings (e.g. on resolved facet scales) go to the console otherwise
    return compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } }, {
        logger: silentLogger,
    }).spec;
}
export async function toSvg(spec) {
    const view = new vega.View(vega.parse(vegaSpec(spec)), { renderer: 'none' });
    try {
        return await view.toSVG();
    }
    finally {
        view.finalize();
    }
}
export function svgToPng(svg, scale = 2) {
    const resvg = new Resvg(svg, {
        background: 'white',
        fitTo: { mode: 'zoom', value: scale },
        font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    });
    return resvg.render().asPng();
}
//# sourceMappingURL=render.js.map