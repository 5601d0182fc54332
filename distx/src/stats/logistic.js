/** The logistic link and its inverse, written to stay finite for any real margin. */
export function sigmoid(z) {
    // Stryker disable next-line EqualityOperator: equivalent, both branches give exactly 0.5 at z = 0
    if (z >= 0) {
        const e = Math.exp(-z);
        return 1 / (1 + e);
    }
    const e = Math.exp(z);
    return e / (1 + e);
}
export function logit(p) {
    return Math.log(p / (1 - p));
}
//# sourceMappingURL=logistic.js.map