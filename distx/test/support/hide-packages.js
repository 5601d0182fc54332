/**
 * Preload (`node --import`) that makes the npm packages named in CHURNKIT_HIDE_PACKAGES (comma
 * separated, prefixes such as `@tensorflow/`) fail to resolve, as they do after
 * `npm install --omit=optional`: the lean-install tests run the real CLI without them.
 */
import { register } from 'node:module';
const hidden = (process.env['CHURNKIT_HIDE_PACKAGES'] ?? '').split(',').filter(Boolean);
if (hidden.length > 0) {
    const hook = `
const hidden = ${JSON.stringify(hidden)};
export async function resolve(specifier, context, next) {
  if (hidden.some((h) => specifier.startsWith(h))) {
    const err = new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL);
    err.code = 'ERR_MODULE_NOT_FOUND';
    throw err;
  }
  return next(specifier, context);
}`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
//# sourceMappingURL=hide-packages.js.map