/**
 * The learn layer's light entry: the family names and `--param` parsing that `churnkit train`
 * checks its flags with before it starts reading the table, without the learners, artifacts and
 * their schemas that learn/index.ts also loads (about 0.3 s of CPU, loaded while DuckDB reads);
 * learn/index.ts exports the same.
 */
export { familyNames, isFamilyName } from '../families.js';
export { parseParamAssignments } from '../params.js';
