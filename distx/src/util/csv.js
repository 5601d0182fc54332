/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break; NULL is empty. */
export function csvField(v) {
    if (v === null || v === undefined)
        return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
//# sourceMappingURL=csv.js.map