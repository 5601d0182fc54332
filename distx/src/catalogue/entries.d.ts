/**
 * The feature catalogue: what each feature-table column is called for a person, and the
 * sentence that says an account's value of it. Plain data (no functions), so that a web page, a
 * report and an alert render the same words; text.ts turns an entry and a value into a sentence.
 *
 * Placeholders in templates: `{pct}` the value as a percentage without sign ("35%"), `{days}`
 * a whole number of days ("1 day", "35 days"), `{points}` a difference on a 0-10 scale ("2.5"),
 * `{times}` a multiple ("2.1"), `{money}` an amount ("$120,000"), `{value}` the value as written.
 */
/** How a column's values read, which decides the template cases that apply. */
export type ValueKind = 
/** rel_change of docs/features.md: -1 (stopped) .. 3 (tripled or more, or from none), 0 = unchanged. */
'change'
/** A difference of means on the 0-10 NPS scale. */
 | 'points_change'
/** A share 0..1 (and above when over-deployed). */
 | 'share' | 'days'
/** A multiple of a typical value (1 = typical). */
 | 'multiple' | 'flag' | 'money' | 'count' | 'text';
/**
 * Which template applies: `missing` for NULL; a change is `stopped` at -1, `most` at its upper
 * clip (3), else `down`/`up`, or `flat` when it rounds to 0%; a flag is `yes`/`no`; other kinds
 * use `value`.
 */
export type TemplateCase = 'missing' | 'down' | 'up' | 'flat' | 'stopped' | 'most' | 'yes' | 'no' | 'value';
export interface CatalogueEntry {
    /** The feature-table column (docs/features.md). */
    name: string;
    /** A short name for tables, charts and reasons: "Usage trend (14 days)". */
    label: string;
    kind: ValueKind;
    /** Whether a higher value means more churn risk or less (absent for text and amounts). */
    direction?: 'higher_is_riskier' | 'higher_is_safer';
    /** Sentence templates by case; every case the kind can reach has one. */
    templates: Partial<Record<TemplateCase, string>>;
}
export declare const CATALOGUE: readonly CatalogueEntry[];
