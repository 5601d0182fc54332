import * as vega from 'vega';
import { type TopLevelSpec } from 'vega-lite';
/** Shared look: readable at slide size, no chart border, one font. */
export declare const CHART_CONFIG: {
    readonly font: "DejaVu Sans";
    readonly view: {
        readonly stroke: null;
    };
    readonly title: {
        readonly fontSize: 15;
        readonly anchor: 'start';
        readonly subtitleFontSize: 12;
        readonly subtitleColor: '#555';
    };
    readonly axis: {
        readonly labelFontSize: 11;
        readonly titleFontSize: 12;
        readonly grid: true;
        readonly gridColor: '#eee';
    };
    readonly legend: {
        readonly labelFontSize: 11;
        readonly titleFontSize: 12;
    };
};
export declare function vegaSpec(spec: TopLevelSpec): vega.Spec;
export declare function toSvg(spec: TopLevelSpec): Promise<string>;
export declare function svgToPng(svg: string, scale?: number): Buffer;
