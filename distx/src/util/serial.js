/** Runs async tasks one at a time, in call order (a connection that must not interleave transactions). */
export class Serial {
    tail = Promise.resolve();
    run(task) {
        const next = this.tail.then(task);
        this.tail = next.catch(() => undefined);
        return next;
    }
}
//# sourceMappingURL=serial.js.map