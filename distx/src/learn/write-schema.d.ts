export declare const MODEL_SCHEMA_FILE: string;
export declare function renderModelSchema(): string;
