/**
 * The feature catalogue: a person-facing label and sentence templates for each feature and
 * signal of the feature table, and the rounding used wherever numbers are shown to people.
 * Model reasons (src/learn), scorecard reasons (src/scorecard), alerts, reports and the web app
 * all read their words from here, so that they tell one story. No imports: it runs anywhere.
 */
export { CATALOGUE, type TemplateCase } from './entries.js';
export {
  catalogueEntry,
  featureLabel,
  formatValue,
  describeValue,
  writeDescription,
  templateCase,
  significant,
  scoreForPeople,
  probabilityForPeople,
  type CatalogueValue,
} from './text.js';
