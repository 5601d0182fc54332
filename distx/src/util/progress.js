import { groupDigits } from './numbers.js';
export const silentProgress = { start() { }, tick() { }, note() { }, done() { } };
export function createProgress(options = {}) {
    const stream = options.stream ?? process.stderr;
    if (options.json || options.quiet || !stream.isTTY)
        return silentProgress;
    let label = '';
    let total;
    let started = 0;
    let lastDraw = 0;
    const draw = (done, force = false) => {
        const now = Date.now();
        if (!force && now - lastDraw < 100)
            return;
        lastDraw = now;
        const secs = ((now - started) / 1000).toFixed(1);
        let line;
        if (total && total > 0) {
            const frac = Math.min(1, done / total);
            const width = 24;
            const fill = Math.round(frac * width);
            line = `${label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${(frac * 100).toFixed(0)}% ${secs}s`;
        }
        else {
            line = `${label} ${groupDigits(done)} ${secs}s`;
        }
        stream.write(`\r\x1b[2K${line}`);
    };
    return {
        start(l, t) {
            label = l;
            total = t;
            started = Date.now();
            lastDraw = 0;
            draw(0, true);
        },
        tick(done) {
            draw(done);
        },
        note(message) {
            stream.write(`\r\x1b[2K${message}\n`);
        },
        done() {
            stream.write('\r\x1b[2K');
        },
    };
}
//# sourceMappingURL=progress.js.map