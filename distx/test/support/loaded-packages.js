/**
 * Preload (`node --import`) that records every npm package a process loads, ESM or CommonJS, one
 * name a line, in the file named by CHURNKIT_LOADED_PACKAGES. The start-up tests use it to check
 * that a command loads only what it uses. ESM loads are seen by a module hook (which runs on its
 * own thread in Node 20, hence the file rather than memory); CommonJS requires by patching the
 * resolver, which every require() inside a CommonJS package goes through.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
const out = process.env['CHURNKIT_LOADED_PACKAGES'];
if (out) {
    const hook = `
import { appendFileSync } from 'node:fs';
const out = ${JSON.stringify(out)};
export async function load(url, context, next) {
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(url);
  if (m) appendFileSync(out, m[1] + '\\n');
  return next(url, context);
}`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
    // Module._resolveFilename is not in @types/node: it is the resolver every require() goes through.
    const cjs = Module;
    const resolve = cjs._resolveFilename;
    cjs._resolveFilename = function (...args) {
        const path = resolve.apply(this, args);
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
        if (m)
            appendFileSync(out, `${m[1]}\n`);
        return path;
    };
}
//# sourceMappingURL=loaded-packages.js.map