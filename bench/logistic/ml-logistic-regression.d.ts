// Minimal types for the benchmark peer (the package ships none).
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: { weights: Matrix }[];
    train(X: Matrix, Y: Matrix): void;
  }
}
