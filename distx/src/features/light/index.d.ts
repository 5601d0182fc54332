/**
 * The feature layer's light entry: reading a feature table under its value rules, without the
 * feature SQL, snapshots and refresh that features/index.ts also loads (`churnkit score` of a
 * feature table needs only this); features/index.ts exports the same.
 */
export { loadFeatureTable } from '../rules.js';
export { isOpportunityLabel } from '../registry.js';
