/** Model export to other runtimes: TensorFlow.js LayersModel (logistic and mlp). */
export {
  exportTfjs,
  exportInputs,
  exportMetadata,
  buildLayersModel,
  TFJS_MODEL_FILE,
  TFJS_WEIGHTS_FILE,
} from './tfjs.js';
export type { ExportInput, TfjsExportMetadata, TfjsExportSummary } from './tfjs.js';
export {
  portableNetwork,
  EXPORTABLE_FAMILIES,
  type PortableNetwork,
  type PortableLayer,
  type PortableActivation,
} from './portable.js';
export { verifyTfjsExport, tfjsFolderHandler, exportedInputs, type VerifyResult } from './verify.js';
