import { readFileSync } from 'node:fs';
/** churnkit's version, read from package.json so that artifacts record the code that made them. */
export const VERSION = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
//# sourceMappingURL=version.js.map