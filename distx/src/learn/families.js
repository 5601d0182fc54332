import { UsageError } from '../util/index.js';
/** Registration order is the order shown to users. */
export const FAMILIES = {
    logistic: async () => (await import('./logistic/index.js')).logisticFamily,
    gbdt: async () => (await import('./gbdt/index.js')).gbdtFamily,
    mlp: async () => (await import('./mlp/index.js')).mlpFamily,
    auto: async () => (await import('./auto/index.js')).autoFamily,
};
export function familyNames() {
    return Object.keys(FAMILIES);
}
export function isFamilyName(name) {
    return Object.hasOwn(FAMILIES, name);
}
export async function getFamily(name) {
    if (!isFamilyName(name))
        throw new UsageError(`unknown model family "${name}" (available: ${familyNames().join(', ')})`);
    return FAMILIES[name]();
}
//# sourceMappingURL=families.js.map