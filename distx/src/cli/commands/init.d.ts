import type { Command } from 'commander';
export interface InitFlags extends Record<string, unknown> {
    data: string;
    out?: string;
    force?: boolean;
}
export declare function register(program: Command): void;
export declare function run(flags: InitFlags, io: {
    say(line: string): void;
    progress: {
        start(label: string): void;
    };
}): Promise<{
    ok: boolean;
    out: string;
    files: import("../../data/infer.js").RecognisedFile[];
    tables: string[];
    lookups: string[];
    notes: import("../../data/infer.js").DraftNote[];
    missing: {
        table: import("../../data/contract.js").TableName;
        column: string;
        candidates: string[];
    }[];
    config: {
        $schema?: string | undefined;
        csv?: {
            delimiter?: string | undefined;
            quote?: string | undefined;
            escape?: string | undefined;
            skip?: number | undefined;
            null?: string | string[] | undefined;
            header?: boolean | undefined;
            names?: string[] | undefined;
            skip_rows_after_header?: number | undefined;
        } | undefined;
        tables?: {
            accounts?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            contacts?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            contracts?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            integrations?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            interactions?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            nps?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            tickets?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
            usage?: {
                file?: string | undefined;
                format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
                widths?: number[] | undefined;
                table?: string | undefined;
                schema?: string | undefined;
                columns?: {
                    [x: string]: import("../../data/config.js").ColumnSource | undefined;
                } | undefined;
                values?: {
                    [x: string]: Record<string, string> | undefined;
                } | undefined;
                csv?: {
                    delimiter?: string | undefined;
                    quote?: string | undefined;
                    escape?: string | undefined;
                    skip?: number | undefined;
                    null?: string | string[] | undefined;
                    header?: boolean | undefined;
                    names?: string[] | undefined;
                    skip_rows_after_header?: number | undefined;
                } | undefined;
                date_format?: string | undefined;
                timestamp_format?: string | undefined;
                timezone?: string | undefined;
                where?: import("../../data/config.js").Condition | undefined;
                dedupe?: "first" | undefined;
                route?: {
                    when: import("../../data/config.js").Condition;
                    to: "accounts" | "contacts" | "contracts" | "integrations" | "interactions" | "nps" | "tickets" | "usage";
                }[] | undefined;
            } | undefined;
        } | undefined;
        lookups?: Record<string, {
            file: string;
            format?: "csv" | "fixed_width" | "json" | "jsonl" | "parquet" | "tsv" | "whitespace" | undefined;
            csv?: {
                delimiter?: string | undefined;
                quote?: string | undefined;
                escape?: string | undefined;
                skip?: number | undefined;
                null?: string | string[] | undefined;
                header?: boolean | undefined;
                names?: string[] | undefined;
                skip_rows_after_header?: number | undefined;
            } | undefined;
            key: string;
            value: string;
            latest_by?: string | undefined;
            where?: import("../../data/config.js").Condition | undefined;
        }> | undefined;
        csm_kinds?: ("community" | "csm_call" | "csm_email" | "csm_meeting" | "email_reply" | "other" | "qbr" | "training" | "webinar")[] | undefined;
    };
}>;
