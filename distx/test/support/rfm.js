/**
 * A feature table churnkit did not write: recency/frequency/monetary per customer and month, as
 * a user would derive from a purchase log, with its own names for the id, time and label columns.
 */
import { addMonths } from '../../src/util/index.js';
/** A deterministic pseudo-random number in [0, 1) from two integers. */
function noise(a, b) {
    const x = Math.sin(a * 12.9898 + b * 78.233) * 43758.5453;
    return x - Math.floor(x);
}
/**
 * 60 customers, monthly from 2022-01 for 30 months. Churn within 90 days follows recency (days
 * since the last purchase) and frequency; nobody churns in the first year (annual contracts) and
 * nobody in the quarter 2023-07..09; the last three months are censored.
 */
export function rfmCsv() {
    const lines = ['customer_id,month,recency_days,frequency_90d,monetary_90d,region,churned_next_90d'];
    for (let m = 0; m < 30; m++) {
        const month = addMonths('2022-01-01', m);
        for (let c = 0; c < 60; c++) {
            const recency = Math.round(5 + 120 * noise(c, m) ** 2);
            const frequency = Math.max(0, Math.round(12 - recency / 12 + 4 * noise(m, c)));
            const monetary = Math.round(frequency * (80 + 40 * noise(c + 7, m)));
            const risk = recency / 125 - frequency / 40 + 0.3 * noise(c + 3, m + 5);
            const quiet = m < 12 || (m >= 18 && m < 21);
            const label = m >= 27 ? '' : !quiet && risk > 0.55 ? '1' : '0';
            lines.push(`C${String(c).padStart(2, '0')},${month},${recency},${frequency},${monetary},${c % 3 === 0 ? 'north' : 'south'},${label}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=rfm.js.map