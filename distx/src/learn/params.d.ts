/**
 * Hyperparameter specs shared by every family, so that `--param key=value` from the CLI and
 * objects from code are checked the same way and the artifact records every value with its
 * default filled in. A family writes its specs `as const satisfies ParamSpecs`, and its params
 * type is inferred from them (ParamsOf), so a spec and the type it gives cannot drift apart.
 */
export type ParamSpec = {
    type: 'number';
    default: number;
    min?: number;
    max?: number;
    description: string;
} | {
    type: 'integer';
    default: number;
    min?: number;
    max?: number;
    description: string;
} | {
    type: 'boolean';
    default: boolean;
    description: string;
} | {
    type: 'choice';
    default: string;
    choices: readonly string[];
    description: string;
}
/** A list of numbers, e.g. hidden layer sizes or monotone constraints; `a,b,c` on the CLI. */
 | {
    type: 'numbers';
    default: readonly number[];
    description: string;
};
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
/** The value one spec admits: a choice spec gives the union of its choices. */
export type ParamValue<S extends ParamSpec> = S extends {
    type: 'number' | 'integer';
} ? number : S extends {
    type: 'boolean';
} ? boolean : S extends {
    type: 'choice';
    choices: readonly (infer C extends string)[];
} ? C : number[];
/** The complete, checked hyperparameters a family's specs describe (what readParams returns). */
export type ParamsOf<S extends ParamSpecs> = {
    -readonly [K in keyof S]: ParamValue<S[K]>;
};
/**
 * Checks `given` against `specs` and returns every parameter in the specs' order with defaults
 * filled in. Strings (from `--param k=v`) are converted; unknown keys are a usage error that
 * lists the known ones.
 */
export declare function readParams<const S extends ParamSpecs>(family: string, specs: S, given?: Readonly<Record<string, unknown>>): ParamsOf<S>;
/** Parses repeated `key=value` CLI strings into an object (values stay strings; readParams converts). */
export declare function parseParamAssignments(assignments: readonly string[]): Record<string, string>;
