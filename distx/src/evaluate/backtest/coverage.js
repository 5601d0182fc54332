/**
 * Where usage data covers the feature windows of a feature table, for the backtest's default
 * start and its warnings. `churnkit features` writes the coverage of the history into the QA file
 * beside the table (`<table>.qa.json`, src/features/coverage.ts); without it (a copied file) the
 * table itself tells: the first as-of date at which any account shows usage (`zero_usage_14d`
 * false). Either way coverage only moves the default start and raises a warning; the rows and
 * their features are what they are.
 */
import { readFile } from 'node:fs/promises';
import { COVERAGE_GRACE_DAYS, USAGE_LOOKBACK_DAYS } from '../../features/index.js';
import { addDays, isoDay } from '../../util/index.js';
const NONE = { covered_from: null, source: null, suggested_from: null };
async function readQa(path) {
    try {
        return JSON.parse(await readFile(`${path}.qa.json`, 'utf8'));
    }
    catch {
        return null;
    }
}
/** Usage coverage of the feature table at `path` (already loaded as `frame`, `asOf` its dates). */
export async function usageCoverageOfTable(path, frame, asOf) {
    if (frame.n === 0)
        return NONE;
    let first = asOf[0];
    let last = first;
    for (const t of asOf) {
        if (t < first)
            first = t;
        if (t > last)
            last = t;
    }
    const dates = [...new Set(asOf)].sort();
    const firstOnOrAfter = (day) => dates.find((d) => d >= day) ?? null;
    const qa = await readQa(path);
    // The QA file describes this table only if it was written with it (same rows and as-of span).
    if (qa?.coverage && qa.rows === frame.n && qa.as_of.first === first && qa.as_of.last === last) {
        const usage = qa.coverage.sources.find((s) => s.table === 'usage');
        const from = usage?.starts_late ? qa.coverage.usage.windows_covered_from : null;
        return { covered_from: from, source: 'features_qa', suggested_from: from ? firstOnOrAfter(from) : null };
    }
    const zero = frame.columns['zero_usage_14d'];
    if (!(zero instanceof Float64Array))
        return NONE;
    let firstUsage = null;
    for (let i = 0; i < frame.n; i++)
        if (zero[i] === 0 && (firstUsage === null || asOf[i] < firstUsage))
            firstUsage = asOf[i];
    if (firstUsage === null)
        return { ...NONE, source: 'zero_usage_14d' };
    if (isoDay(firstUsage) - isoDay(first) <= COVERAGE_GRACE_DAYS)
        return { ...NONE, source: 'zero_usage_14d' };
    // Usage began in the month before the first as-of that shows any: at the latest the day before it.
    const from = addDays(firstUsage, USAGE_LOOKBACK_DAYS - 1);
    return { covered_from: from, source: 'zero_usage_14d', suggested_from: firstOnOrAfter(from) };
}
//# sourceMappingURL=coverage.js.map