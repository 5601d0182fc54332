// tslab runs cells in a vm context where import() has no loader, and churnkit is ESM: this
// CommonJS shim, loaded by Node's own loader, does the import() for the notebooks.
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const root = join(__dirname, '..', '..');
/** churnkit's public API (dist/src/index.js; run `npm run build` first). */
exports.churnkit = () => import(pathToFileURL(join(root, 'dist', 'src', 'index.js')).href);
/** Any module of the compiled tree, by path from the repository root. */
exports.load = (path) => import(pathToFileURL(join(root, path)).href);
exports.root = root;
