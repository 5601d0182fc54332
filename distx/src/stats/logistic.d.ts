/** The logistic link and its inverse, written to stay finite for any real margin. */
export declare function sigmoid(z: number): number;
export declare function logit(p: number): number;
