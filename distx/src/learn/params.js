import { UsageError } from '../util/index.js';
/**
 * Checks `given` against `specs` and returns every parameter in the specs' order with defaults
 * filled in. Strings (from `--param k=v`) are converted; unknown keys are a usage error that
 * lists the known ones.
 */
export function readParams(family, specs, given = {}) {
    for (const key of Object.keys(given)) {
        if (!(key in specs)) {
            throw new UsageError(`unknown parameter ${key} for ${family} (known: ${Object.keys(specs).join(', ')})`);
        }
    }
    const out = {};
    for (const [key, spec] of Object.entries(specs)) {
        const raw = given[key];
        out[key] = raw === undefined ? copy(spec.default) : convert(family, key, spec, raw);
    }
    // The one place a spec's type meets its runtime check: convert() returned, for every key of
    // `specs`, a value of the type ParamValue gives that spec, which TypeScript cannot follow
    // through Object.entries.
    return out;
}
/** Defaults are shared by every model; a list default is copied so no model can change it. */
function copy(value) {
    return Array.isArray(value) ? [...value] : value;
}
function convert(family, key, spec, raw) {
    const bad = (why) => new UsageError(`parameter ${key} of ${family} ${why}, got ${JSON.stringify(raw)}`);
    switch (spec.type) {
        case 'number':
        case 'integer': {
            const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
            if (typeof v !== 'number' || !Number.isFinite(v))
                throw bad('must be a finite number');
            if (spec.type === 'integer' && !Number.isInteger(v))
                throw bad('must be an integer');
            if (spec.min !== undefined && v < spec.min)
                throw bad(`must be >= ${spec.min}`);
            if (spec.max !== undefined && v > spec.max)
                throw bad(`must be <= ${spec.max}`);
            return v;
        }
        case 'boolean': {
            if (typeof raw === 'boolean')
                return raw;
            if (raw === 'true' || raw === '1')
                return true;
            if (raw === 'false' || raw === '0')
                return false;
            throw bad('must be true or false');
        }
        case 'choice': {
            if (typeof raw !== 'string' || !spec.choices.includes(raw))
                throw bad(`must be one of ${spec.choices.join(', ')}`);
            return raw;
        }
        case 'numbers': {
            const list = typeof raw === 'string' ? (raw.trim() === '' ? [] : raw.split(',').map((s) => Number(s.trim()))) : raw;
            if (!isNumberList(list))
                throw bad('must be a comma-separated list of numbers');
            return [...list];
        }
    }
}
function isNumberList(value) {
    return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}
/** Parses repeated `key=value` CLI strings into an object (values stay strings; readParams converts). */
export function parseParamAssignments(assignments) {
    const out = {};
    for (const a of assignments) {
        const eq = a.indexOf('=');
        if (eq <= 0)
            throw new UsageError(`--param expects key=value, got "${a}"`);
        const key = a.slice(0, eq).trim();
        if (key in out)
            throw new UsageError(`--param ${key} is given twice`);
        out[key] = a.slice(eq + 1).trim();
    }
    return out;
}
//# sourceMappingURL=params.js.map