import type { Matrix } from '../../src/learn/model.js';
export interface Split {
    train: {
        X: Matrix;
        y: Float64Array;
    };
    test: {
        X: Matrix;
        y: Float64Array;
    };
}
/** Training rows [0, trainRows), test rows [testFrom, end) (testFrom defaults to trainRows). */
export declare function readSyntheticSplit(file: string, trainRows: number, testFrom?: number): Split;
/** Command-line `--key value` pairs. */
export declare function flags(argv: readonly string[]): Record<string, string>;
/** The shared settings of one run: the data split and the boosting parameters. */
export declare function runSettings(argv: readonly string[]): {
    train: Split['train'];
    test: Split['test'];
    trees: number;
    depth: number;
    eta: number;
    f: Record<string, string>;
};
