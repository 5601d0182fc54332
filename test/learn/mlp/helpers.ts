import { readFileSync } from 'node:fs';
import { fixture } from '../../support/paths.js';
import { loadFrame, numeric, type Frame } from '../../../src/data/frame.js';
import type { FitData, Matrix } from '../../../src/learn/index.js';

/** A committed fixture of test/fixtures/mlp. */
export function mlpFixture(name: string): string {
  return fixture('mlp', name);
}

export function json<T = any>(name: string): T {
  return JSON.parse(readFileSync(mlpFixture(name), 'utf8')) as T;
}

export function loadMlpFixture(name: string): Promise<Frame> {
  return loadFrame(mlpFixture(name));
}

/** Rows [from, to) of the numeric columns `names` with label `label`, as FitData. */
export function fitSlice(frame: Frame, names: readonly string[], label: string, from: number, to: number): FitData {
  const X: Matrix = { n: to - from, names: [...names], columns: names.map((c) => numeric(frame, c).slice(from, to)) };
  return { X, y: numeric(frame, label).slice(from, to) };
}
