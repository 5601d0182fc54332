export declare const MAPPING_SCHEMA_FILE: string;
export declare function renderMappingSchemaFile(): string;
