/**
 * Small solver inputs for the logistic solver's tests: a plain row-major design built from rows,
 * and rows simulated from a logistic model.
 */
import type { SolverInput } from '../../src/learn/logistic/solver.js';
/** A solver input over a plain row-major design; `offset` columns of padding before the inputs. */
export declare function input(rows: readonly (readonly number[])[], y: readonly number[], over?: Partial<SolverInput> & {
    offset?: number;
}): SolverInput;
/** n rows of standard normal inputs with y ~ Bernoulli(sigmoid(theta . [1, x])). */
export declare function simulated(n: number, theta: readonly number[], seed: number): {
    rows: number[][];
    y: number[];
};
