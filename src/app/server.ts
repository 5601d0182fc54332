/**
 * The web app's HTTP side (Fastify, as `serve`): four pages, the JSON they read, the CSV export,
 * the editor's evaluate and save, and every asset from this installation (the compiled front
 * end, preact, htm and the vega runtime), so the browser never asks for anything off the machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { z } from 'zod';
import { HttpError, errorBody } from '../serve/index.js';
import { composeReport, reportHtml, svgToPng, toSvg, type ComposedReport } from '../report/index.js';
import { BANDS } from '../scorecard/index.js';
import { featureLabel } from '../catalogue/index.js';
import { ChurnkitError } from '../util/index.js';
import { accountQuerySchema, bandCounts, latestRows, rowsCsv, selectRows } from './accounts.js';
import { accountDetail, computedAt } from './account.js';
import { judgmentProblems, openScoreHistory, type JudgmentView, type ScoreHistory } from '../history/index.js';
import { EDITOR_BANDS_DATA, editorBandChart } from './charts.js';
import { cardFromBody, evaluateCard, saveCard, todayCounts } from './editor.js';
import { EventSource } from './events.js';
import { CSP, REPORT_CSP, STYLE, errorPage, inlineNav, shell } from './pages.js';
import { approveRecalibration, recalibrationView } from './recalibration.js';
import type { AccountRow, Summary } from './web/wire.js';
import { loadAppState, type AppOptions, type AppState } from './state.js';

export interface AppServerOptions extends AppOptions {
  /** Fastify logger setting (default off). */
  logger?: FastifyServerOptions['logger'];
}

/** What createApp adds to the Fastify instance. */
export interface ChurnkitApp {
  state(): AppState;
  /** Loads everything again (what SIGHUP does); a failure keeps the running state and says why. */
  reload(): Promise<{ ok: true } | { ok: false; error: string }>;
  /**
   * Evaluates the saved card a few times, one evaluation per turn of the event loop, so the
   * scorer and the metrics are compiled by the time a person first moves a slider (the first
   * evaluations of a fresh process cost about ten times the later ones).
   */
  warm(rounds?: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    churnkitApp: ChurnkitApp;
  }
}

/** A warm-up evaluation slower than this stops the warm-up (it would keep other requests waiting). */
const WARM_LIMIT_MS = 250;

/** Where the compiled front end lives beside this module (dist/src/app/web). */
const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Every asset by URL: read once at start-up, so a request never touches the disk. */
async function loadAssets(): Promise<Map<string, { type: string; body: Buffer }>> {
  const assets = new Map<string, { type: string; body: Buffer }>();
  const vendor: [string, string][] = [
    ['preact.mjs', fileURLToPath(import.meta.resolve('preact'))],
    ['hooks.mjs', fileURLToPath(import.meta.resolve('preact/hooks'))],
    ['htm.mjs', fileURLToPath(import.meta.resolve('htm'))],
    ['htm-preact.mjs', fileURLToPath(import.meta.resolve('htm/preact'))],
    ['vega.min.js', join(dirname(fileURLToPath(import.meta.resolve('vega'))), 'vega.min.js')],
  ];
  for (const [name, path] of vendor) {
    // the libraries' source-map comments would send the developer tools to files not served
    const text = (await readFile(path, 'utf8')).replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
    assets.set(`/assets/vendor/${name}`, { type: TYPES[extname(name)]!, body: Buffer.from(text) });
  }
  let files: string[];
  try {
    files = await readdir(WEB_DIR);
  } catch {
    throw new ChurnkitError(`${WEB_DIR}: the app's front end is not built; run npm run build`, 70);
  }
  for (const name of files) {
    const type = TYPES[extname(name)];
    if (type) assets.set(`/assets/app/${name}`, { type, body: await readFile(join(WEB_DIR, name)) });
  }
  assets.set('/assets/app.css', { type: TYPES['.css']!, body: Buffer.from(STYLE) });
  return assets;
}

/** What a page needs before its first paint, beside its own data. */
function summary(state: AppState, rows: readonly AccountRow[]): Summary {
  const current = rows.filter((r) => r.current);
  const distinct = (f: (r: AccountRow) => string | null) =>
    [...new Set(current.map(f).filter((v): v is string => v !== null))].sort();
  return {
    scorecard: state.card.name ?? state.cardPath,
    features: state.options.features,
    as_of: state.lastAsOf,
    accounts: current.length,
    segments: distinct((r) => r.segment),
    owners: state.owners ? distinct((r) => r.owner) : null,
    model: state.modelName,
    names: state.names !== null,
  };
}

const accountIdParams = z.strictObject({ id: z.string().min(1).max(200) });
const saveBody = z.strictObject({ name: z.string().max(200), card: z.unknown() });
const approveBody = z.strictObject({ name: z.string().max(200) });
const evaluateBody = z.strictObject({ card: z.unknown() });
const judgmentBody = z.strictObject({
  as_of: z.string().optional(),
  band: z.enum(['RED', 'YELLOW', 'GREEN']).nullable().optional(),
  score: z.number().nullable().optional(),
  reason: z.string(),
  author: z.string(),
});

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.');
  throw new HttpError(
    400,
    'invalid_request',
    `${where}${field ? ` ${field}` : ''}: ${issue.message}`,
    field || undefined,
  );
}

/** Page requests answer errors as pages, API requests as JSON. */
const wantsPage = (req: FastifyRequest) => !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');

export async function createApp(options: AppServerOptions): Promise<FastifyInstance> {
  let state = await loadAppState(options);
  let rows = latestRows(state);
  let info = summary(state, rows);
  const assets = await loadAssets();
  // Judgments go into the score history, beside the scores and never in their place.
  const history: ScoreHistory | null = options.history ? await openScoreHistory(options.history) : null;
  /** A stored judgment beside the app's own computed score on or before its as_of. */
  const besideScore = (j: JudgmentView): JudgmentView => ({ ...j, computed: computedAt(state, j.account_id, j.as_of) });
  const needHistory = (): ScoreHistory => {
    if (!history)
      throw new HttpError(
        409,
        'history_off',
        'judgments are kept in the score history: start the app with --history DB to record them',
      );
    return history;
  };
  const bandChart = editorBandChart();
  let events = options.data ? new EventSource(options.data) : null;
  let report: Promise<{ composed: ComposedReport; html: string }> | null = null;
  let warming: Promise<void> | null = null;
  const pngs = new Map<string, Buffer>();

  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 16 * 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: 60_000,
  });

  app.decorate('churnkitApp', {
    state: () => state,
    async reload() {
      try {
        const next = await loadAppState(options);
        await events?.close();
        state = next;
        rows = latestRows(next);
        info = summary(next, rows);
        events = options.data ? new EventSource(options.data) : null;
        report = null;
        warming = null;
        pngs.clear();
        return { ok: true };
      } catch (err) {
        return { ok: false, error: (err as Error).message };
      }
    },
    warm(rounds = 8) {
      warming ??= (async () => {
        const mine = state;
        for (let k = 0; k < rounds && mine.folds && mine === state; k++) {
          await new Promise((r) => setImmediate(r));
          const started = performance.now();
          evaluateCard(mine, mine.card);
          // on a large table even a compiled evaluation holds the event loop for long: stop
          if (performance.now() - started > WARM_LIMIT_MS) break;
        }
      })();
      return warming;
    },
  } satisfies ChurnkitApp);
  app.addHook('onClose', async () => {
    await events?.close();
    await history?.close();
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    const body = errorBody(err);
    if (body.statusCode >= 500) app.log.error({ url: req.url, error: err.stack ?? String(err) }, 'request failed');
    if (wantsPage(req))
      reply
        .code(body.statusCode)
        .type('text/html; charset=utf-8')
        .send(errorPage(body.statusCode, body.error, body.message));
    else reply.code(body.statusCode).type('application/json').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const message = `nothing at ${req.url.split('?')[0]}`;
    if (wantsPage(req))
      reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(errorPage(404, 'Not Found', message));
    else reply.code(404).send({ statusCode: 404, error: 'Not Found', code: 'not_found', message });
  });

  const html = (reply: FastifyReply, text: string) => reply.type('text/html; charset=utf-8').send(text);

  // pages
  app.get('/', async (req, reply) => {
    const query = parse(accountQuerySchema, req.query, 'query');
    const selected = selectRows(rows, query);
    return html(
      reply,
      shell({
        page: 'accounts',
        title: 'Accounts at risk',
        path: '/',
        boot: {
          summary: info,
          query: req.query,
          page: pageOf(selected, query),
          counts: bandCounts(rows, query),
        },
      }),
    );
  });
  app.get('/accounts/:id', async (req, reply) => {
    const { id } = parse(accountIdParams, req.params, 'account');
    const detail = accountDetail(state, id);
    if (!detail) throw new HttpError(404, 'unknown_account', `no account ${id} in ${state.options.features}`);
    return html(
      reply,
      shell({
        page: 'account',
        title: detail.account.account_name ?? id,
        path: '',
        boot: { summary: info, detail, events: events !== null, judgments: history !== null },
        charts: true,
      }),
    );
  });
  app.get('/scorecard', async (_req, reply) => {
    // the editor's first what-if comes seconds after its page: compile the evaluation meanwhile
    void app.churnkitApp.warm();
    return html(
      reply,
      shell({
        page: 'scorecard',
        title: 'Scorecard editor',
        path: '/scorecard',
        boot: { summary: info, ...editorBoot(state), chart: bandChart, chartData: EDITOR_BANDS_DATA },
        charts: true,
      }),
    );
  });
  app.get('/recalibration', async (_req, reply) =>
    html(
      reply,
      shell({
        page: 'recalibration',
        title: 'Recalibration',
        path: '/recalibration',
        boot: { summary: info, recalibration: await recalibrationView(state), out: state.outDir },
      }),
    ),
  );
  app.get('/report', async (_req, reply) => {
    if (!state.options.backtest)
      throw new HttpError(
        404,
        'no_backtest',
        'start the app with --backtest DIR (a churnkit backtest --out folder) to see its report here',
      );
    report ??= composeReport({
      backtest: state.options.backtest,
      features: state.options.features,
      scorecard: state.options.scorecard,
      ...(state.options.data ? { data: state.options.data } : {}),
    }).then(async (composed) => ({
      composed,
      html: (await reportHtml(composed)).replace('<body>', `<body>\n${inlineNav('/report')}`),
    }));
    const done = await report.catch((err: unknown) => {
      report = null;
      throw err;
    });
    reply.header('content-security-policy', REPORT_CSP);
    return html(reply, done.html);
  });
  app.get('/charts/:file', async (req, reply) => {
    const { file } = parse(z.strictObject({ file: z.string().regex(/^[a-z_]+\.png$/) }), req.params, 'chart');
    const composed = report ? (await report).composed : null;
    const chart = composed?.charts.find((c) => `${c.id}.png` === file);
    if (!chart) throw new HttpError(404, 'unknown_chart', `no chart ${file}; open /report first`);
    let png = pngs.get(file);
    if (!png) {
      png = svgToPng(await toSvg(chart.spec));
      pngs.set(file, png);
    }
    return reply.type('image/png').send(png);
  });

  // data
  app.get('/api/accounts', async (req) => {
    const query = parse(accountQuerySchema, req.query, 'query');
    return { ...pageOf(selectRows(rows, query), query), counts: bandCounts(rows, query) };
  });
  app.get('/api/accounts.csv', async (req, reply) => {
    const query = parse(accountQuerySchema, req.query, 'query');
    reply.header('content-disposition', `attachment; filename="accounts-${state.lastAsOf}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(rowsCsv(selectRows(rows, query)));
  });
  app.get('/api/accounts/:id', async (req) => {
    const { id } = parse(accountIdParams, req.params, 'account');
    const detail = accountDetail(state, id);
    if (!detail) throw new HttpError(404, 'unknown_account', `no account ${id}`);
    return detail;
  });
  app.get('/api/accounts/:id/events', async (req) => {
    const { id } = parse(accountIdParams, req.params, 'account');
    const detail = accountDetail(state, id);
    if (!detail) throw new HttpError(404, 'unknown_account', `no account ${id}`);
    if (!events)
      throw new HttpError(404, 'no_data', 'start the app with --data DIR to see the raw events behind the features');
    return { as_of: detail.account.as_of, rows: await events.summary(id, detail.account.as_of) };
  });
  app.get('/api/accounts/:id/judgments', async (req) => {
    const { id } = parse(accountIdParams, req.params, 'account');
    if (!state.rowsOf.has(id)) throw new HttpError(404, 'unknown_account', `no account ${id}`);
    return { judgments: (await needHistory().judgments({ account_id: id })).map(besideScore) };
  });
  app.post('/api/accounts/:id/judgments', async (req, reply) => {
    const { id } = parse(accountIdParams, req.params, 'account');
    const rows = state.rowsOf.get(id);
    if (!rows) throw new HttpError(404, 'unknown_account', `no account ${id}`);
    const store = needHistory();
    const body = parse(judgmentBody, req.body, 'body');
    // by default a judgment speaks for the snapshot the page shows: the account's latest
    const judgment = {
      account_id: id,
      as_of: body.as_of ?? state.asOf[rows[rows.length - 1]!]!,
      band: body.band ?? null,
      score: body.score ?? null,
      reason: body.reason,
      author: body.author,
    };
    const problem = judgmentProblems(judgment)[0];
    if (problem) throw new HttpError(400, 'invalid_judgment', `${problem.field} ${problem.message}`, problem.field);
    reply.code(201);
    return besideScore(await store.judge(judgment, { source: 'app' }));
  });
  app.post('/api/scorecard/evaluate', async (req) => {
    const { card } = parse(evaluateBody, req.body, 'body');
    const started = process.hrtime.bigint();
    const evaluation = evaluateCard(state, cardFromBody(card));
    return { ...evaluation, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  });
  app.post('/api/scorecard/save', async (req) => {
    const { card, name } = parse(saveBody, req.body, 'body');
    const saved = await saveCard(state, cardFromBody(card), name);
    // with --allow-write the served card itself may have been replaced: serve what is on disk now
    if (saved.path === state.cardPath) await app.churnkitApp.reload();
    return saved;
  });
  app.post('/api/recalibration/approve', async (req) => {
    const { name } = parse(approveBody, req.body, 'body');
    return approveRecalibration(state, name);
  });

  // the report page names no icon, so the browser asks for one: there is none, and that is no error
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  // assets
  app.get('/assets/*', async (req, reply) => {
    const asset = assets.get(req.url.split('?')[0]!);
    if (!asset) throw new HttpError(404, 'not_found', `no asset ${req.url}`);
    reply.header('cache-control', 'no-cache');
    return reply.type(asset.type).send(asset.body);
  });
  return app;
}

function pageOf(selected: readonly AccountRow[], query: { offset: number; limit: number }) {
  return {
    total: selected.length,
    offset: query.offset,
    limit: query.limit,
    rows: selected.slice(query.offset, query.offset + query.limit),
  };
}

/** The editor's first data: the saved card and what the backtest says of it. */
function editorBoot(state: AppState) {
  return {
    card: state.card,
    saved: state.saved ? { backtest: state.saved, today: todayCounts(state, state.card, state.scored.scores) } : null,
    folds: state.folds
      ? {
          source: state.folds.source,
          count: state.folds.folds.length,
          rows: state.folds.folds.reduce((n, f) => n + f.test.length, 0),
          first: state.folds.folds[0]?.cutoff ?? null,
          last: state.folds.folds.at(-1)?.test_end ?? null,
          capacity: state.folds.capacity,
          horizon: state.folds.horizon,
        }
      : null,
    folds_error: state.foldsError,
    out: state.outDir,
    served: state.cardPath,
    allow_write: Boolean(state.options.allowWrite),
    bands: BANDS,
    labels: Object.fromEntries(
      state.card.layers.flatMap((l) => l.signals.map((s) => [s.feature, featureLabel(s.feature)])),
    ),
  };
}
