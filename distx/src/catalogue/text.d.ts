/**
 * From a catalogue entry and an account's value to the words a person reads, and the rounding
 * used wherever a number is shown to one (CSV files, HTTP answers, alerts, reports).
 */
import { type CatalogueEntry, type TemplateCase } from './entries.js';
export type CatalogueValue = number | boolean | string | null | undefined;
/** The entry of a feature-table column, or undefined for a column churnkit does not define. */
export declare function catalogueEntry(name: string): CatalogueEntry | undefined;
/** The person-facing name of a column; a column outside the catalogue reads as its name with spaces. */
export declare function featureLabel(name: string): string;
/** The template case a value falls in (see TemplateCase). */
export declare function templateCase(entry: CatalogueEntry, value: CatalogueValue): TemplateCase;
/** A value as written in a sentence or a table cell, without the sentence ("-35%", "12 days"). */
export declare function formatValue(name: string, value: CatalogueValue): string;
/**
 * One sentence about an account's value of a column: "Usage fell 35% over the last 14 days vs
 * the 14 before". A column outside the catalogue reads "name: value".
 */
export declare function describeValue(name: string, value: CatalogueValue): string;
/** `x` to `digits` significant digits, as a number (0.012345 -> 0.01235 at 4). */
export declare function significant(x: number, digits: number): number;
/** A 0-100 score as people read it: one decimal (43.886500000000005 -> 43.9). */
export declare function scoreForPeople(score: number): number;
/** A probability as people read it: four significant digits (0.123456 -> 0.1235). */
export declare function probabilityForPeople(p: number): number;
