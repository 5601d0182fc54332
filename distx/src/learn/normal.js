/**
 * The standard normal distribution, accurate to near machine precision in the tails, for
 * p-values (a z of 12 must give 3.6e-33, not 0) and interval quantiles.
 */
const SQRT_PI = Math.sqrt(Math.PI);
/** Complementary error function, relative error ~1e-15 for all x >= 0 (and erfc(-x) = 2 - erfc(x)). */
export function erfc(x) {
    if (Number.isNaN(x))
        return NaN;
    if (x < 0)
        return 2 - erfc(-x);
    if (x < 2) {
        // Maclaurin series of erf: alternating, terms peak near 2^(2n+1)/n! ~ 40 so ~1e-14 absolute,
        // which is ~2e-12 relative at x = 2 where erfc = 4.7e-3.
        const x2 = x * x;
        let term = x;
        let sum = x;
        for (let n = 1; n < 60; n++) {
            term *= -x2 / n;
            const add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum))
                break;
        }
        return 1 - (2 / SQRT_PI) * sum;
    }
    // Continued fraction erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
    // evaluated by the modified Lentz method; converges fast for x >= 2.
    const tiny = 1e-300;
    let f = x;
    let C = x;
    let D = 0;
    for (let n = 1; n < 500; n++) {
        const a = n / 2;
        D = x + a * D;
        if (D === 0)
            D = tiny;
        C = x + a / C;
        if (C === 0)
            C = tiny;
        D = 1 / D;
        const delta = C * D;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    // exp(-x^2) with x^2 split so that rounding x*x does not cost relative precision (as Cody does).
    const xh = Math.round(x * 16) / 16;
    const expNegSquare = Math.exp(-xh * xh) * Math.exp(-(x - xh) * (x + xh));
    return expNegSquare / SQRT_PI / f;
}
/** P(Z > z) for a standard normal Z. */
export function normalSf(z) {
    return 0.5 * erfc(z / Math.SQRT2);
}
/** P(Z <= z). */
export function normalCdf(z) {
    return 0.5 * erfc(-z / Math.SQRT2);
}
/** Two-sided p-value of a z statistic. */
export function twoSidedP(z) {
    return erfc(Math.abs(z) / Math.SQRT2);
}
/**
 * The z with P(Z <= z) = p: Acklam's rational approximation refined by two Halley steps on
 * the accurate CDF above (full double precision).
 */
export function normalQuantile(p) {
    if (!(p > 0 && p < 1)) {
        if (p === 0)
            return -Infinity;
        if (p === 1)
            return Infinity;
        return NaN;
    }
    const a = [
        -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
        2.506628277459239,
    ];
    const b = [
        -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
    ];
    const c = [
        -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783,
    ];
    const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const plow = 0.02425;
    let x;
    if (p < plow) {
        const q = Math.sqrt(-2 * Math.log(p));
        x =
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    else if (p <= 1 - plow) {
        const q = p - 0.5;
        const r = q * q;
        x =
            ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    else {
        const q = Math.sqrt(-2 * Math.log(1 - p));
        x =
            -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    for (let i = 0; i < 2; i++) {
        // Work with the smaller tail so the residual keeps its relative precision.
        const e = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSf(x);
        const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
        x = x - u / (1 + (x * u) / 2);
    }
    return x;
}
//# sourceMappingURL=normal.js.map