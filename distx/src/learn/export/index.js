/** Model export to other runtimes: TensorFlow.js LayersModel (logistic and mlp). */
export { exportTfjs, exportInputs, } from './tfjs.js';
export { portableNetwork } from './portable.js';
export { verifyTfjsExport } from './verify.js';
//# sourceMappingURL=index.js.map