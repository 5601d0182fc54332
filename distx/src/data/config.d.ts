import * as z from 'zod';
import { type TableName } from './contract.js';
/**
 * The mapping file (`churnkit.config.json` in the data folder, or `--config FILE`): how a
 * user's own files, tables, columns and values map onto the input contract. Every name in it
 * is the user's and reaches SQL only through quoteIdent / quoteLiteral.
 *
 * ```json
 * {
 *   "csv": { "delimiter": ";" },
 *   "tables": {
 *     "usage": { "file": "product_events.csv", "columns": { "occurred_at": "Event Time" } },
 *     "interactions": { "table": "activities", "schema": "crm", "values": { "kind": { "Meeting": "csm_meeting" } } }
 *   },
 *   "csm_kinds": ["csm_meeting", "qbr"]
 * }
 * ```
 * `columns` and `values` map ours <- theirs: the key is the contract name, the value the user's.
 */
export declare const CONFIG_FILE_NAME = "churnkit.config.json";
declare const csvOptionsSchema: z.ZodObject<{
    delimiter: z.ZodOptional<z.ZodString>;
    quote: z.ZodOptional<z.ZodString>;
    escape: z.ZodOptional<z.ZodString>;
    skip: z.ZodOptional<z.ZodInt>;
    null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
    header: z.ZodOptional<z.ZodBoolean>;
    names: z.ZodOptional<z.ZodArray<z.ZodString>>;
    skip_rows_after_header: z.ZodOptional<z.ZodInt>;
}, z.core.$strict>;
export interface Condition {
    all?: Condition[] | undefined;
    any?: Condition[] | undefined;
    not?: Condition | undefined;
    column?: string | undefined;
    field?: string | undefined;
    equals?: string | number | boolean | undefined;
    in?: (string | number | boolean)[] | undefined;
    contains?: string | undefined;
    starts_with?: string | undefined;
    ends_with?: string | undefined;
    matches?: string | undefined;
    empty?: boolean | undefined;
    case_sensitive?: boolean | undefined;
    /** Set by applyRoutes, not in files: a field bound to the routing table's column source. */
    source?: ColumnSource | undefined;
}
/**
 * A row condition, for filters (`where`), routing (`route`) and booleans (`when`): a test of one
 * column (`column`, the user's) or one mapped contract column (`field`), or a combination.
 * Text tests ignore case unless `case_sensitive` is true; a NULL value fails every test but `empty`.
 */
export declare const conditionSchema: z.ZodType<Condition>;
export type NumberFormat = {
    decimal?: '.' | ',' | undefined;
    thousands?: ',' | '.' | ' ' | "'" | '' | undefined;
};
export interface ColumnSourceObject {
    column?: string | undefined;
    coalesce?: ColumnSource[] | undefined;
    lookup?: string | undefined;
    from?: ColumnSource | undefined;
    value?: string | number | boolean | undefined;
    when?: Condition | undefined;
    number?: true | NumberFormat | undefined;
    epoch?: 'seconds' | 'milliseconds' | undefined;
    format?: string | undefined;
    add_days?: number | undefined;
    if?: Condition | undefined;
    true?: string[] | undefined;
    false?: string[] | undefined;
}
export type ColumnSource = string | ColumnSourceObject;
/**
 * Where a contract column's values come from, and how they are read. A string names the
 * user's column (or a JSON path, see columnRefSchema). An object picks exactly one source:
 * `column`, `coalesce` (the first non-blank of several), `lookup` (through a named lookup,
 * keyed by `from`), `value` (a constant) or `when` (a boolean from a condition); and may say how
 * to read text: `number` (currency symbols, separators, percent, accounting negatives), `epoch`
 * (Unix time), `format` (a strptime format for dates and timestamps), `true`/`false` (value
 * lists for a boolean).
 */
export declare const columnSourceSchema: z.ZodType<ColumnSource>;
declare const lookupSchema: z.ZodObject<{
    file: z.ZodString;
    format: z.ZodOptional<z.ZodEnum<{
        csv: "csv";
        fixed_width: "fixed_width";
        json: "json";
        jsonl: "jsonl";
        parquet: "parquet";
        tsv: "tsv";
        whitespace: "whitespace";
    }>>;
    csv: z.ZodOptional<z.ZodObject<{
        delimiter: z.ZodOptional<z.ZodString>;
        quote: z.ZodOptional<z.ZodString>;
        escape: z.ZodOptional<z.ZodString>;
        skip: z.ZodOptional<z.ZodInt>;
        null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
        header: z.ZodOptional<z.ZodBoolean>;
        names: z.ZodOptional<z.ZodArray<z.ZodString>>;
        skip_rows_after_header: z.ZodOptional<z.ZodInt>;
    }, z.core.$strict>>;
    key: z.ZodString;
    value: z.ZodString;
    latest_by: z.ZodOptional<z.ZodString>;
    where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
}, z.core.$strict>;
export type LookupMapping = z.infer<typeof lookupSchema>;
export declare const MAPPING_SCHEMA_ID = "https://churnkit.dev/schemas/mapping.schema.json";
export declare const mappingConfigSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    csv: z.ZodOptional<z.ZodObject<{
        delimiter: z.ZodOptional<z.ZodString>;
        quote: z.ZodOptional<z.ZodString>;
        escape: z.ZodOptional<z.ZodString>;
        skip: z.ZodOptional<z.ZodInt>;
        null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
        header: z.ZodOptional<z.ZodBoolean>;
        names: z.ZodOptional<z.ZodArray<z.ZodString>>;
        skip_rows_after_header: z.ZodOptional<z.ZodInt>;
    }, z.core.$strict>>;
    tables: z.ZodOptional<z.ZodObject<{
        accounts: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        contacts: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        contracts: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        integrations: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        interactions: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        nps: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        tickets: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
        usage: z.ZodOptional<z.ZodObject<{
            file: z.ZodOptional<z.ZodString>;
            format: z.ZodOptional<z.ZodEnum<{
                csv: "csv";
                fixed_width: "fixed_width";
                json: "json";
                jsonl: "jsonl";
                parquet: "parquet";
                tsv: "tsv";
                whitespace: "whitespace";
            }>>;
            widths: z.ZodOptional<z.ZodArray<z.ZodInt>>;
            table: z.ZodOptional<z.ZodString>;
            schema: z.ZodOptional<z.ZodString>;
            columns: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodType<ColumnSource, unknown, z.core.$ZodTypeInternals<ColumnSource, unknown>>>;
            }, z.core.$strict>>;
            values: z.ZodOptional<z.ZodObject<{
                [x: string]: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
                    [x: string]: string;
                }> | z.ZodString>>;
            }, z.core.$strict>>;
            csv: z.ZodOptional<z.ZodObject<{
                delimiter: z.ZodOptional<z.ZodString>;
                quote: z.ZodOptional<z.ZodString>;
                escape: z.ZodOptional<z.ZodString>;
                skip: z.ZodOptional<z.ZodInt>;
                null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
                header: z.ZodOptional<z.ZodBoolean>;
                names: z.ZodOptional<z.ZodArray<z.ZodString>>;
                skip_rows_after_header: z.ZodOptional<z.ZodInt>;
            }, z.core.$strict>>;
            date_format: z.ZodOptional<z.ZodString>;
            timestamp_format: z.ZodOptional<z.ZodString>;
            timezone: z.ZodOptional<z.ZodString>;
            where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
            dedupe: z.ZodOptional<z.ZodEnum<{
                first: "first";
            }>>;
            route: z.ZodOptional<z.ZodArray<z.ZodObject<{
                when: z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>;
                to: z.ZodEnum<{
                    accounts: "accounts";
                    contacts: "contacts";
                    contracts: "contracts";
                    integrations: "integrations";
                    interactions: "interactions";
                    nps: "nps";
                    tickets: "tickets";
                    usage: "usage";
                }>;
            }, z.core.$strict>>>;
        }, z.core.$strict>>;
    }, z.core.$strict>>;
    lookups: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
        file: z.ZodString;
        format: z.ZodOptional<z.ZodEnum<{
            csv: "csv";
            fixed_width: "fixed_width";
            json: "json";
            jsonl: "jsonl";
            parquet: "parquet";
            tsv: "tsv";
            whitespace: "whitespace";
        }>>;
        csv: z.ZodOptional<z.ZodObject<{
            delimiter: z.ZodOptional<z.ZodString>;
            quote: z.ZodOptional<z.ZodString>;
            escape: z.ZodOptional<z.ZodString>;
            skip: z.ZodOptional<z.ZodInt>;
            null: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>>;
            header: z.ZodOptional<z.ZodBoolean>;
            names: z.ZodOptional<z.ZodArray<z.ZodString>>;
            skip_rows_after_header: z.ZodOptional<z.ZodInt>;
        }, z.core.$strict>>;
        key: z.ZodString;
        value: z.ZodString;
        latest_by: z.ZodOptional<z.ZodString>;
        where: z.ZodOptional<z.ZodType<Condition, unknown, z.core.$ZodTypeInternals<Condition, unknown>>>;
    }, z.core.$strict>>>;
    csm_kinds: z.ZodOptional<z.ZodArray<z.ZodEnum<{
        community: "community";
        csm_call: "csm_call";
        csm_email: "csm_email";
        csm_meeting: "csm_meeting";
        email_reply: "email_reply";
        other: "other";
        qbr: "qbr";
        training: "training";
        webinar: "webinar";
    }>>>;
}, z.core.$strict>;
export type MappingConfig = z.infer<typeof mappingConfigSchema>;
export type TableMapping = NonNullable<NonNullable<MappingConfig['tables']>[TableName]>;
export type CsvOptions = z.infer<typeof csvOptionsSchema>;
/** The mapping file's JSON Schema (draft 2020-12), as published in models/mapping.schema.json. */
export declare function mappingConfigJsonSchema(): Record<string, unknown>;
/** Checks a parsed mapping object; the error names the file and the offending field. */
export declare function parseMappingConfig(value: unknown, where?: string): MappingConfig;
/**
 * Routing, resolved: a table that receives routed rows reads the routing table's source with the
 * route's condition, and the routing table drops those rows. Afterwards only `where` remains.
 */
export declare function applyRoutes(config: MappingConfig): MappingConfig;
/** Reads and checks a mapping file (JSON with comments and trailing commas allowed). */
export declare function loadMappingConfig(path: string): Promise<MappingConfig>;
export interface ResolvedConfig {
    config: MappingConfig;
    /** Where it came from, for messages; null when there is none. */
    path: string | null;
}
/**
 * The mapping that applies to a source: the explicit one (a path or an object), else
 * `churnkit.config.json` inside a data folder, else none.
 */
export declare function resolveMappingConfig(explicit: string | MappingConfig | undefined, dataFolder: string | null): Promise<ResolvedConfig>;
export {};
