export declare const BACKTEST_SCHEMA_FILE: string;
export declare function renderBacktestSchema(): string;
