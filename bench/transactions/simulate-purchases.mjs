// A purchase log shaped like the CDNOW master file (customer id, yyyymmdd, CDs, dollars;
// whitespace-aligned, no header), drawn from the BG/NBD model with the parameters Fader, Hardie
// and Lee (2005) fitted to CDNOW (r = 0.243, alpha = 4.414 weeks, a = 0.793, b = 2.426): each
// customer buys at a Gamma-distributed weekly rate and drops out after each purchase with a
// Beta-distributed probability. First purchases fall in the first 12 weeks of 1997; the log ends
// 1998-06-30, like CDNOW's. Deterministic: node simulate-purchases.mjs OUT [customers] [seed].
import { writeFileSync } from 'node:fs';

const [out, nArg, seedArg] = process.argv.slice(2);
if (!out) throw new Error('usage: node simulate-purchases.mjs OUT [customers=23570] [seed=1997]');
const n = Number(nArg ?? 23570);
let s = Number(seedArg ?? 1997) >>> 0;
const uniform = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
// Marsaglia-Tsang, with the shape < 1 boost
function gamma(shape) {
  if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
const beta = (a, b) => {
  const x = gamma(a);
  return x / (x + gamma(b));
};
const DAY = 86_400_000;
const start = Date.UTC(1997, 0, 1);
const end = Date.UTC(1998, 5, 30);
const lines = [];
for (let c = 1; c <= n; c++) {
  const rate = gamma(0.243) / 4.414 / 7; // purchases per day
  const dropout = beta(0.793, 2.426);
  const meanSpend = gamma(6.25) * 5.6;
  let t = start + Math.floor(uniform() * 84) * DAY;
  for (;;) {
    const dollars = Math.max(1, gamma(4) * (meanSpend / 4));
    const cds = Math.max(1, Math.round(dollars / 13));
    const day = new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
    lines.push(` ${String(c).padStart(5, '0')} ${day} ${String(cds).padStart(2)} ${dollars.toFixed(2).padStart(7)}`);
    if (uniform() < dropout || rate <= 0) break;
    t += Math.max(1, Math.round(-Math.log(uniform() || 1e-12) / rate)) * DAY;
    if (t > end) break;
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.length} purchases of ${n} customers -> ${out}\n`);
