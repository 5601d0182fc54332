#!/usr/bin/env node
// @ts-check
/**
 * `npm run mutate [-- group ...]`: StrykerJS over each module group of tools/mutation-groups.mjs
 * (all of them by default), one Stryker run per group with its own incremental file, then the
 * score table per module, which it also writes into docs/testing.md between its markers.
 *
 * `npm run mutate -- logistic --mutate=src/learn/logistic/solver.ts:293-465` measures a part of a group.
 *
 * `npm run mutate -- --scores` only prints and writes the table from the last results, which are
 * the committed incremental files (reports/mutation/<group>.incremental.json: a full Stryker report).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATION_GROUPS } from './mutation-groups.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const scoresOnly = args.includes('--scores');
const named = args.filter((a) => !a.startsWith('--'));
// `--mutate=src/x.ts:10-80`: only that part of a group (Stryker's mutation range). The incremental
// file keeps the results outside the range, so a long group can be measured in parts that each
// end in time (Stryker writes the file only when a run ends).
const ranges = args.filter((a) => a.startsWith('--mutate=')).map((a) => a.slice('--mutate='.length));
for (const g of named) {
  if (!MUTATION_GROUPS[g]) {
    console.error(`unknown group "${g}"; groups: ${Object.keys(MUTATION_GROUPS).join(', ')}`);
    process.exit(2);
  }
}
const groups = named.length ? named : Object.keys(MUTATION_GROUPS);

if (!scoresOnly) {
  const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  if (!existsSync(stryker)) {
    console.error('StrykerJS is not installed: run npm ci (it is a devDependency).');
    process.exit(2);
  }
  for (const g of groups) {
    console.error(`\n== mutation group ${g}: ${MUTATION_GROUPS[g]?.mutate.join(', ')}`);
    const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...(ranges.length ? ['--mutate', ranges.join(',')] : [])], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MUTATE_GROUP: g },
    });
    if (run.status !== 0) {
      console.error(`stryker failed on group ${g} (exit ${run.status})`);
      process.exit(run.status ?? 1);
    }
    withoutMachinePaths(join(root, 'reports', 'mutation', `${g}.incremental.json`));
  }
}

/**
 * Stryker quotes the command lines of failed runs with this checkout's absolute path; the
 * committed report says `.` instead, so it names no folder of the machine that made it.
 */
function withoutMachinePaths(file) {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const relative = text.split(root.replace(/\/$/, '')).join('.');
  if (relative !== text) writeFileSync(file, relative);
}

/** Stryker's mutation score: detected / (detected + undetected); ignored mutants are left out. */
function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') t.killed++;
    else if (m.status === 'Timeout') t.timeout++;
    else if (m.status === 'Survived') t.survived++;
    else if (m.status === 'NoCoverage') t.noCoverage++;
    else if (m.status === 'Ignored') t.ignored++;
    else t.errors++;
  }
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return { ...t, score: valid ? (100 * detected) / valid : Number.NaN };
}

const rows = [];
const ignoredRows = [];
const survivedRows = [];
for (const g of Object.keys(MUTATION_GROUPS)) {
  const file = join(root, 'reports', 'mutation', `${g}.incremental.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const all = [];
  for (const [path, f] of Object.entries(report.files)) {
    const t = tally(f.mutants);
    rows.push({ group: g, path, ...t });
    all.push(...f.mutants);
    for (const m of f.mutants) {
      const where = `\`${path}:${m.location.start.line}:${m.location.start.column}\` ${m.mutatorName}`;
      if (m.status === 'Ignored') ignoredRows.push(`- ${where}: ${m.statusReason ?? ''}`);
      if (m.status === 'Survived' || m.status === 'NoCoverage')
        survivedRows.push(`- ${where} -> \`${String(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}\` (${m.status})`);
    }
  }
  rows.push({ group: g, path: '(group)', ...tally(all) });
}

const fmt = (n) => (Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const table = [
  '| group | module | score % | killed | timeout | survived | no coverage | equivalent (ignored) |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.group} | ${r.path === '(group)' ? '**all of the group**' : `\`${r.path}\``} | ${r.path === '(group)' ? `**${fmt(r.score)}**` : fmt(r.score)} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} |`,
  ),
].join('\n');
console.log(table);

const docs = join(root, 'docs', 'testing.md');
const begin = '<!-- mutation-scores:begin -->';
const end = '<!-- mutation-scores:end -->';
if (existsSync(docs) && rows.length) {
  const text = readFileSync(docs, 'utf8');
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) {
    const body = [
      table,
      '',
      'Mutants disabled in the source as equivalent, with the reason given there:',
      '',
      ignoredRows.join('\n') || '- none',
      '',
      'Mutants still undetected (each is a test to write or an equivalence to state):',
      '',
      survivedRows.join('\n') || '- none',
      '',
    ].join('\n');
    writeFileSync(docs, `${text.slice(0, a + begin.length)}\n${body}${text.slice(b)}`);
  }
}
