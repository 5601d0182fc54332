import type { IncomingMessage } from 'node:http';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { ChurnkitError } from '../util/index.js';
import { VERSION } from '../util/index.js';
import {
  AlertDispatcher,
  DEFAULT_DROP_THRESHOLD,
  MemoryAlertLedger,
  detectAlerts,
  type AlertDispatcherOptions,
} from './alerts.js';
import { roundChange } from '../history/index.js';
import { ApiKeys, presentedKey } from './api-keys.js';
import {
  judgmentProblems,
  openScoreHistory,
  type JudgmentInput,
  type JudgmentView,
  type PreviousScore,
  type ScoreHistory,
  type ScoreRecord,
} from '../history/index.js';
import { ServiceMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { SHARED_SCHEMAS } from './schemas.js';
import {
  ScorecardSource,
  loadServableScorecard,
  modelLoader,
  type LoadedScorecard,
  type ReloadOutcome,
  type ScorecardLoader,
} from './scorecard-source.js';
import { BANDS, type ColumnTable, type ScoreResult, type Signals, type SignalValue } from '../scorecard/index.js';
import { modelInfo } from './model-info.js';
import { describeValidationError } from './validation-errors.js';
import { HttpError } from './http-error.js';
import {
  columnTable,
  columnsRequestFromBytes,
  numbersBeside,
  resultBody,
  resultJson,
  scoreKernel,
  repeatsKey,
  scoreRequestColumns,
  type ColumnsRequest,
  type KernelColumns,
  type RequestColumns,
  type ResultColumns,
} from './columns.js';
import { answerOf, forPeople, reasonDetails, resultsJson, type ModelPart, type ScoreResponse } from './answers.js';
import { loadServedModel, type ServedModel } from './served-model.js';
import { ARROW_FILE, ARROW_STREAM, ArrowReader, arrowAnswer, wantsArrow } from './arrow.js';
import { sendPieces } from './pieces.js';
import { kernelAnswer } from './kernel-answer.js';
import { accountColumns, batchAnswer, requestColumns, type AccountInput } from './batch-answer.js';
import { batchBodyFromBytes, batchColumnsOf } from './batch-bytes.js';
import { ReceiveBuffer, receiveBody, type Lease } from './receive.js';
import { quickBatchCheck, quickColumnsCheck, quickFirst } from './quick-check.js';
import { isOpportunityLabel } from '../features/index.js';

const JSON_UTF8 = 'application/json; charset=utf-8';

export interface ServerOptions {
  /** Scorecard artifact path, or `default` for the shipped one; null serves `model` alone. */
  scorecard: string | null;
  /** A model artifact path: answers get its model_probability and model_reasons (in place of an embedded model). */
  model?: string;
  /** A model trained on an expansion label: answers get its `expansion_probability` beside the churn risk. */
  expansionModel?: string;
  /** How a scorecard file becomes a scorer (default: the scorecard module). */
  loader?: ScorecardLoader;
  /** Reload when the scorecard file changes (default true). */
  watch?: boolean;
  watchDebounceMs?: number;
  /** Score history: a DuckDB path, a postgres:// URL, or an open store (then the caller closes it). */
  history?: string | ScoreHistory;
  /** API keys: a key file path or parsed keys; none means the API is open. */
  apiKeys?: string | ApiKeys;
  /** Alert webhook and rules. */
  alerts?: { webhook: string; dropThreshold?: number } & Partial<
    Omit<AlertDispatcherOptions, 'webhook' | 'ledger' | 'metrics' | 'log'>
  >;
  /** Body limits in bytes (defaults: 64 KiB for one account, 32 MiB for a batch). */
  bodyLimit?: { single?: number; batch?: number };
  /** Fastify logger setting (default off). */
  logger?: FastifyServerOptions['logger'];
  /** The as-of for accounts that name none (default: today's date in UTC). */
  today?: () => string;
  /** Seconds to wait for alert deliveries on close (default 10). */
  alertDrainSeconds?: number;
}

/** What createServer adds to the Fastify instance. */
export interface ChurnkitService {
  source: ScorecardSource;
  history: ScoreHistory | null;
  metrics: ServiceMetrics;
  alerts: AlertDispatcher | null;
  /** Reloads the scorecard (what SIGHUP does); a broken file is refused and the old card keeps serving. */
  reload(trigger?: string): Promise<ReloadOutcome>;
  /** Re-reads the API key file, when keys came from one. */
  reloadKeys(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    churnkit: ChurnkitService;
  }
}

export { HttpError };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fastify's own error codes, as the API's stable lower-case codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_content_length',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Builds the scoring service (not yet listening): call `listen({ port, host })` on the result.
 * Closing the instance finishes requests in flight, drains alerts, and closes what it opened.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const metrics = new ServiceMetrics();
  const single = options.bodyLimit?.single ?? 64 * 1024;
  const batchLimit = options.bodyLimit?.batch ?? 32 * 1024 * 1024;
  const today = options.today ?? utcToday;

  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: single,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: 60_000,
    // Wrong types are refused, not coerced; unknown fields are refused, not silently dropped.
    // strictNumbers: a body with 1e400 parses to Infinity, which is no feature value (NaN cannot come from JSON).
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: false,
        allErrors: false,
        strictNumbers: true,
      },
    },
  });
  const log = (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}) =>
    app.log[level](fields, message);

  const noteScorecard = (card: LoadedScorecard) => {
    metrics.scorecardInfo.reset();
    metrics.scorecardInfo.set({ fingerprint: card.fingerprint, source: card.source }, 1);
  };
  if (options.scorecard === null && !options.model)
    throw new ChurnkitError('serve needs a scorecard, a model or both', 64);
  const expansionModel = options.expansionModel
    ? await loadServedModel(options.expansionModel, `expansion model ${options.expansionModel}`)
    : null;
  if (expansionModel && !isOpportunityLabel(expansionModel.label))
    throw new ChurnkitError(
      `expansion model ${options.expansionModel}: it was trained on ${expansionModel.label}, not on an expansion label (train --label expanded_within_90d)`,
      2,
    );
  const loader = options.model
    ? modelLoader(options.model, options.scorecard === null ? null : (options.loader ?? loadServableScorecard))
    : (options.loader ?? loadServableScorecard);
  const source = await ScorecardSource.open(options.scorecard ?? options.model!, loader, {
    onReload(outcome, trigger) {
      if (outcome.ok && !outcome.changed) return;
      metrics.reloads.inc({ result: outcome.ok ? 'ok' : 'refused' });
      if (outcome.ok) {
        noteScorecard(source.current);
        log('info', 'scorecard reloaded', { trigger, fingerprint: source.current.fingerprint });
      } else {
        log('error', 'scorecard reload refused; the previous scorecard keeps serving', {
          trigger,
          error: outcome.error,
        });
      }
    },
  });
  noteScorecard(source.current);

  let keys: ApiKeys | null =
    typeof options.apiKeys === 'string' ? await ApiKeys.fromFile(options.apiKeys) : (options.apiKeys ?? null);
  let history: ScoreHistory | null = null;
  const ownsHistory = typeof options.history === 'string';
  try {
    history = typeof options.history === 'string' ? await openScoreHistory(options.history) : (options.history ?? null);
  } catch (err) {
    await source.close();
    throw err;
  }
  const alerts = options.alerts
    ? new AlertDispatcher({ ...options.alerts, ledger: history ?? new MemoryAlertLedger(), metrics, log })
    : null;
  const dropThreshold = options.alerts?.dropThreshold ?? DEFAULT_DROP_THRESHOLD;
  if (options.watch !== false) source.watch(options.watchDebounceMs);

  app.decorate('churnkit', {
    source,
    history,
    metrics,
    alerts,
    reload: (trigger?: string) => source.reload(trigger ?? 'manual'),
    async reloadKeys() {
      if (typeof options.apiKeys === 'string') keys = await ApiKeys.fromFile(options.apiKeys);
    },
  } satisfies ChurnkitService);

  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  // Only JSON bodies: text/plain would reach validation as a string and muddle the error.
  app.removeContentTypeParser('text/plain');
  // JSON as bytes, received into a buffer kept between requests (receive.ts): a columnar body is
  // read from them straight into columns (columnsRequestFromBytes) when it can be, and so is a batch
  // of accounts whose columns alone will be scored (batchBodyFromBytes, batchBytesWanted); any other
  // body, and one those readers do not take, is decoded and parsed as Fastify's own parser does (the
  // same string, the same errors).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const received = new ReceiveBuffer();
  /** Batches read from the kept buffer, by their body object: its lease, given back by holdBody. */
  const leases = new WeakMap<object, Lease>();
  /** A batch read from the kept buffer holds it until its response is done or cut short ('close'). */
  const holdBody = (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const lease = leases.get(req.body as object);
    if (lease) reply.raw.once('close', lease.give);
    done();
  };
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (req, payload, done) => {
    const { url, bodyLimit } = req.routeOptions;
    receiveBody(payload as IncomingMessage, bodyLimit, received, (err, lease) => {
      if (err) return done(err);
      const bytes = lease!.bytes;
      if (url === '/v1/score/batch' && batchBytesWanted()) {
        // the handler may parse these bytes after all: given back when the response is done (holdBody)
        const read = batchBodyFromBytes(bytes);
        if (read) {
          leases.set(read, lease!);
          return done(null, read);
        }
      }
      const read = url === '/v1/score/columns' ? columnsRequestFromBytes(bytes) : null;
      const text = read ? '' : bytes.toString('utf8');
      lease!.give();
      if (read) done(null, read);
      else parseJson(req, text, done);
    });
  });
  const arrowReader = new ArrowReader();
  // Arrow IPC bodies, for /v1/score/columns only: the request object they stand for, then the same schema.
  app.addContentTypeParser([ARROW_STREAM, ARROW_FILE], { parseAs: 'buffer' }, (req, body, done) => {
    if (req.routeOptions.url !== '/v1/score/columns') {
      done(
        new HttpError(
          415,
          'unsupported_media_type',
          `Arrow bodies are taken by POST /v1/score/columns only; send ${req.routeOptions.url ?? 'this route'} JSON`,
        ),
      );
      return;
    }
    arrowReader.read(body as Buffer).then(
      (request) => done(null, request),
      (err: Error) => done(err),
    );
  });

  // Callback-style hooks: cheaper per request than async ones. With no keys at start there is
  // no hook at all (keys can be re-read, not switched on, by reloadKeys).
  const checkKey = (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const key = presentedKey(req.headers);
    if (key === null) {
      reply.header('www-authenticate', 'Bearer realm="churnkit"');
      return done(
        new HttpError(
          401,
          'unauthorized',
          'an API key is required: send "Authorization: Bearer <key>" or "X-API-Key: <key>"',
        ),
      );
    }
    if (!keys!.accepts(key)) return done(new HttpError(403, 'forbidden', 'the API key is not accepted'));
    done();
  };
  const guarded = keys ? { onRequest: checkKey } : {};

  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    metrics.requests.inc({ route, method: req.method, status });
    metrics.latency.observe({ route, status }, reply.elapsedTime / 1000);
    done();
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    const body = errorBody(err);
    if (body.statusCode >= 500)
      log('error', 'request failed', { url: req.url, error: (err as Error).stack ?? String(err) });
    reply.code(body.statusCode).type('application/json').send(body);
  });

  // Routes and their methods, for 405 (Fastify itself answers 404 to a known path with another method).
  const allowed = new Map<string, string[]>();
  const route = (method: 'GET' | 'POST', url: string) => {
    allowed.set(url, [...(allowed.get(url) ?? []), method, ...(method === 'GET' ? ['HEAD'] : [])]);
  };
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const methods = allowed.get(path);
    if (methods) {
      reply.header('allow', methods.join(', '));
      reply.code(405).send({
        statusCode: 405,
        error: STATUS_TEXT[405],
        code: 'method_not_allowed',
        message: `${req.method} is not allowed on ${path}; use ${methods.join(' or ')}`,
      });
      return;
    }
    reply
      .code(404)
      .send({ statusCode: 404, error: STATUS_TEXT[404], code: 'not_found', message: `no route ${req.method} ${path}` });
  });

  /** A failing score history is the service's problem (503), counted and logged, never a crash. */
  const historyFailed = (err: unknown): HttpError => {
    metrics.historyErrors.inc();
    log('error', 'score history failed', { error: (err as Error).message });
    return new HttpError(503, 'history_unavailable', 'the score history store is unavailable; try again');
  };

  /** Scores accounts with one scorecard snapshot, then history, alerts and metrics. */
  async function scoreAccounts(
    inputs: readonly AccountInput[],
    defaultAsOf: string | undefined,
    batch: boolean,
  ): Promise<ScoreResponse[]> {
    const card = source.current;
    // Read the clock once per request, and only when an account has no as_of of its own.
    let fallbackAsOf = defaultAsOf;
    const asOfOf = (given: string | undefined): string => {
      if (given !== undefined) return given;
      fallbackAsOf ??= today();
      return fallbackAsOf;
    };
    const n = inputs.length;
    const model = card.model ? modelParts(card.model, inputs) : null;
    const expansion = expansionModel ? modelParts(expansionModel, inputs) : null;
    const out: ScoreResponse[] = new Array(n);
    const perBand: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const input = inputs[i]!;
      const res = card.score ? scoreOne(card.score, input, batch ? `/accounts/${i}` : '') : null;
      const key = {
        account_id: input.account_id,
        account_name: input.account_name ?? null,
        as_of: asOfOf(input.as_of),
      };
      const answer = answerOf(key, res, input as Signals, model?.[i] ?? null);
      if (expansion) answer.expansion_probability = answer.status === 'scored' ? expansion[i]!.probability : null;
      if (answer.band !== null) perBand[answer.band] = (perBand[answer.band] ?? 0) + 1;
      out[i] = answer;
    }
    for (const band of BANDS) if (perBand[band]) metrics.scores.inc({ band }, perBand[band]);
    if (history || alerts) await recordAndAlert(out, card);
    return out;
  }

  /** Stores the scores, fills in the change since each previous score, and raises alerts. */
  async function recordAndAlert(all: ScoreResponse[], card: LoadedScorecard): Promise<void> {
    // Only scores go in the history: an account without enough data has none to compare with later.
    const out = all.filter((o) => o.score !== null && o.band !== null);
    if (out.length === 0) return;
    const records: ScoreRecord[] = out.map((o) => ({
      account_id: o.account_id,
      as_of: o.as_of,
      score: o.score!,
      band: o.band!,
      probability: o.probability,
      escalate: o.escalate,
      layers: o.layers,
      overrides: o.overrides,
      reasons: o.reasons,
      scorecard: card.fingerprint,
    }));
    let previous: (PreviousScore | null)[] | null = null;
    if (history) {
      try {
        previous = await history.record(records, { source: 'serve' });
      } catch (err) {
        throw historyFailed(err);
      }
      previous.forEach((p, i) => {
        if (!p) return;
        out[i]!.score_change = roundChange(out[i]!.score! - p.score);
        out[i]!.previous = { as_of: p.as_of, score: p.score, band: p.band };
      });
    }
    if (!alerts) return;
    const events = records.flatMap((r, i) =>
      detectAlerts(
        r,
        previous?.[i] ?? null,
        { dropThreshold },
        { account_name: out[i]!.account_name, reason_texts: out[i]!.reason_details.map((d) => d.text) },
      ),
    );
    if (events.length === 0) return;
    // Claiming is quick; delivery runs in the background and never delays the response.
    await alerts.submit(events).catch((err) => {
      metrics.historyErrors.inc();
      log('error', 'alerts could not be claimed; not sent', { error: (err as Error).message, events: events.length });
    });
  }

  /**
   * A batch's columns through the columnar kernel; null when the kernel refuses a value, so that
   * the account-by-account path gives the error naming the account. `accounts` are needed (and
   * given) only when a model is served.
   */
  function batchKernel(
    loaded: LoadedScorecard,
    rows: RequestColumns,
    accounts: readonly AccountInput[] | null,
  ): KernelColumns | null {
    try {
      return scoreKernel(loaded, rows, loaded.model ? modelColumns(loaded.model, accounts!) : undefined);
    } catch (err) {
      if (err instanceof HttpError && err.code === 'invalid_signal') return null;
      throw err;
    }
  }

  /** Whether a batch body is read from its bytes into columns: only when its columns alone are scored, without objects. */
  function batchBytesWanted(): boolean {
    const card = source.current;
    return !!card.card && !card.model && !history && !alerts && !expansionModel;
  }

  /** Counts the scored rows' bands in the metrics. */
  function countBands(k: KernelColumns): void {
    const bands = [0, 0, 0];
    for (let i = 0; i < k.s.n; i++) if (k.scored[i]) bands[k.s.band[i]!]!++;
    BANDS.forEach((band, b) => bands[b] && metrics.scores.inc({ band }, bands[b]));
  }

  route('POST', '/v1/score');
  app.post(
    '/v1/score',
    {
      ...guarded,
      schema: {
        body: { $ref: 'ScoreRequest#' },
        querystring: { $ref: 'AnswerQuery#' },
        response: { 200: { $ref: 'ScoreResult#' } },
      },
    },
    async (req) => {
      const [answer] = await scoreAccounts([req.body as AccountInput], undefined, false);
      return exactWanted(req) ? answer : forPeople(answer!);
    },
  );

  route('POST', '/v1/score/batch');
  app.post(
    '/v1/score/batch',
    {
      ...guarded,
      bodyLimit: batchLimit,
      preValidation: holdBody,
      // BatchResponse is documented in /openapi.json but not serialized by fast-json-stringify (3x
      // slower than JSON.stringify for 10,000 nested results): with a scorecard and no history, the
      // JSON text is written from the columnar kernel's arrays (batch-answer.ts); otherwise answer
      // objects in the schema's shape are stringified a slice at a time (resultsJson). Both give
      // the same bytes (test/serve/batch.test.ts).
      schema: { body: { $ref: 'BatchRequest#' }, querystring: { $ref: 'AnswerQuery#' } },
      // a body read from bytes was checked value by value as it was read (batch-bytes.ts)
      validatorCompiler: quickFirst(
        app,
        (body) => batchColumnsOf(body as object) !== undefined || quickBatchCheck(body),
      ),
    },
    async (req, reply) => {
      reply.type('application/json; charset=utf-8');
      const card = source.current;
      const columnar = card.card && !history && !alerts;
      const read = batchColumnsOf(req.body as object);
      // A body read from bytes is one JSON.parse and the schema take too (batch-bytes.ts): parsed
      // only where objects are needed after all (the kernel refusing a value, a reload since).
      let body = read ? null : (req.body as { as_of?: string; accounts: AccountInput[] });
      const objects = () => (body ??= JSON.parse(read!.body.toString('utf8')) as NonNullable<typeof body>);
      const rows = !columnar
        ? null
        : read && !card.model && !expansionModel
          ? requestColumns(read.accounts, read.asOf, today, card.card!)
          : accountColumns(objects().accounts, objects().as_of, today, card.card!);
      // The columns' quick test first; the search that names the duplicate only when it fails.
      if (rows === null) rejectDuplicates(accountKeys(objects().accounts, objects().as_of ?? today()));
      else if (repeatsKey(rows.ids, rows.asOf)) rejectDuplicates(rows);
      const scores = rows && batchKernel(card, rows, card.model ? objects().accounts : null);
      if (rows && scores) {
        countBands(scores);
        const expansion = expansionModel
          ? expansionModel.answer(modelColumns(expansionModel, objects().accounts), rows.n).probability
          : null;
        return sendPieces(reply, batchAnswer(scores, rows, exactWanted(req), expansion), JSON_UTF8);
      }
      const results = await scoreAccounts(objects().accounts, objects().as_of, true);
      return sendPieces(reply, resultsJson(results, exactWanted(req) ? null : forPeople), JSON_UTF8);
    },
  );

  route('POST', '/v1/score/columns');
  app.post(
    '/v1/score/columns',
    {
      ...guarded,
      bodyLimit: batchLimit,
      schema: { body: { $ref: 'ColumnsRequest#' }, querystring: { $ref: 'ColumnsQuery#' } },
      validatorCompiler: quickFirst(app, quickColumnsCheck),
    },
    async (req, reply) => {
      reply.type('application/json; charset=utf-8');
      const card = source.current;
      const rows = columnTable(req.body as ColumnsRequest, today, numbersBeside(req.body as object));
      const kernel = scoreKernel(card, rows);
      const fields = (req.query as { fields?: string }).fields?.split(',');
      const expansionOf = (scored: (i: number) => boolean) => {
        if (!expansionModel) return undefined;
        const answers = expansionModel.answer(rows.table.columns as Parameters<ServedModel['answer']>[0], rows.n);
        return answers.probability.map((p, i) => (scored(i) ? p : null));
      };
      const arrowOut = wantsArrow(req.headers.accept, req.headers['content-type']);
      if (kernel && !history && !alerts) {
        // Straight from the kernel's typed outputs to the answer: no per-row values in between.
        countBands(kernel);
        const expansion = expansionOf((i) => kernel.scored[i] === 1) ?? null;
        const answer = kernelAnswer(arrowOut ? 'arrow' : 'json', kernel, rows, exactWanted(req), fields, expansion);
        return sendPieces(reply, answer, arrowOut ? ARROW_STREAM : JSON_UTF8);
      }
      const result = scoreRequestColumns(card, rows, kernel);
      result.expansion = expansionOf((i) => result.status[i] === 'scored');
      const perBand: Record<string, number> = {};
      for (const b of result.band) if (b !== null) perBand[b] = (perBand[b] ?? 0) + 1;
      for (const band of BANDS) if (perBand[band]) metrics.scores.inc({ band }, perBand[band]);
      if (history || alerts) {
        const responses = responsesOf(result, rows.table.columns);
        await recordAndAlert(responses, card);
        result.score_change = responses.map((r) => r.score_change);
      }
      if (!arrowOut)
        return sendPieces(reply, resultJson(result, rows.table.columns, exactWanted(req), fields), JSON_UTF8);
      const body = resultBody(result, rows.table.columns, exactWanted(req), fields);
      return sendPieces(reply, arrowAnswer(body.columns), ARROW_STREAM);
    },
  );

  // A CSM's judgment goes beside the computed scores in the history; it never replaces one.
  const judgmentsNeedHistory = (): ScoreHistory => {
    if (!history)
      throw new HttpError(
        409,
        'history_off',
        'judgments are kept in the score history: start churnkit serve with --history DB',
      );
    return history;
  };
  route('POST', '/v1/judgments');
  app.post(
    '/v1/judgments',
    { ...guarded, schema: { body: { $ref: 'JudgmentRequest#' }, response: { 201: { $ref: 'Judgment#' } } } },
    async (req, reply) => {
      const store = judgmentsNeedHistory();
      const body = req.body as Partial<JudgmentInput>;
      const judgment: JudgmentInput = {
        account_id: body.account_id!,
        as_of: body.as_of ?? today(),
        band: body.band ?? null,
        score: body.score ?? null,
        reason: body.reason!,
        author: body.author!,
      };
      // The schema has the shapes; this has the rest (a band or a score, text that is not blank).
      const problem = judgmentProblems(judgment)[0];
      if (problem)
        throw new HttpError(400, 'invalid_judgment', `${problem.field} ${problem.message}`, `/${problem.field}`);
      let stored: JudgmentView;
      try {
        stored = await store.judge(judgment, { source: 'serve' });
      } catch (err) {
        throw historyFailed(err);
      }
      reply.code(201);
      return stored;
    },
  );
  route('GET', '/v1/judgments');
  app.get(
    '/v1/judgments',
    { ...guarded, schema: { querystring: { $ref: 'JudgmentQuery#' }, response: { 200: { $ref: 'JudgmentList#' } } } },
    async (req) => {
      const store = judgmentsNeedHistory();
      const q = req.query as { account_id?: string; author?: string };
      try {
        return { judgments: await store.judgments(q) };
      } catch (err) {
        throw historyFailed(err);
      }
    },
  );

  route('GET', '/v1/model');
  app.get('/v1/model', guarded, async () => ({
    ...modelInfo(source.current),
    churnkit_version: VERSION,
    reloads: { ok: source.reloadsOk, refused: source.reloadsRefused, last_error: source.lastError },
  }));

  route('GET', '/healthz');
  app.get('/healthz', async () => ({
    status: 'ok',
    scorecard: source.current.fingerprint,
    history: history?.kind ?? null,
  }));

  route('GET', '/metrics');
  app.get('/metrics', guarded, async (_req, reply) => {
    reply.type(metrics.contentType);
    return metrics.render();
  });

  route('GET', '/openapi.json');
  const openapi = JSON.stringify(openApiDocument({ apiKeys: keys !== null }));
  app.get('/openapi.json', async (_req, reply) => {
    reply.type('application/json; charset=utf-8');
    return openapi;
  });

  // Responses finishing after close() began end their connection: close() reaps only the
  // connections idle at that moment, and a keep-alive socket freed later would hold it open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  app.addHook('onClose', async () => {
    await arrowReader.close();
    await source.close();
    if (alerts) await alerts.drain((options.alertDrainSeconds ?? 10) * 1000);
    if (history && ownsHistory) await history.close();
  });

  return app;
}

function scoreOne(score: (s: Signals) => ScoreResult, input: AccountInput, at: string): ScoreResult {
  try {
    // The validated body is the signals object: absent fields read as missing, extra keys (the ids) are not read.
    return score(input as Signals);
  } catch (err) {
    // The scorer refusing a value the schema let through is still the client's input.
    if (err instanceof ChurnkitError)
      throw new HttpError(400, 'invalid_signal', `${at ? `${at}: ` : ''}${err.message}`, at || undefined);
    throw err;
  }
}

/** The columns a served model reads, from account objects: the values as sent (its reasons repeat them). */
function modelColumns(model: ServedModel, inputs: readonly AccountInput[]): Record<string, SignalValue[]> {
  const columns: Record<string, SignalValue[]> = {};
  for (const name of model.features) columns[name] = inputs.map((a) => a[name] ?? null);
  return columns;
}

/** The served model's answer for each account of a request, from their objects as columns. */
function modelParts(model: ServedModel, inputs: readonly AccountInput[]): ModelPart[] {
  const m = model.answer(modelColumns(model, inputs), inputs.length);
  return inputs.map((_, i) => ({
    probability: m.probability[i]!,
    reasons: m.reasons[i]!,
    coverage: m.coverage[i]!,
    missing: m.missing[i]!,
  }));
}

/** `?exact=true`: every digit, for machines; without it numbers are rounded for people. */
function exactWanted(req: FastifyRequest): boolean {
  return (req.query as { exact?: string } | undefined)?.exact === 'true';
}

/** Row objects of a columnar result, for the score history and alerts (exact numbers). */
function responsesOf(r: ResultColumns, signals: ColumnTable['columns']): ScoreResponse[] {
  return r.account_id.map((account_id, i) => {
    const layers: Record<string, number | null> = {};
    for (const [name, values] of Object.entries(r.layers)) layers[name] = values[i]!;
    const reasons = r.reasons[i]!;
    return {
      account_id,
      account_name: r.account_name?.[i] ?? null,
      as_of: r.as_of[i]!,
      status: r.status[i]!,
      coverage: r.coverage[i]!,
      missing: r.missing[i]!,
      warnings: r.warnings[i]!,
      score: r.score[i]!,
      band: r.band[i] as ScoreResponse['band'],
      probability: r.probability[i]!,
      layers,
      overrides: r.overrides[i]!,
      reasons,
      reason_details: reasonDetails(
        reasons,
        Object.fromEntries(reasons.map((f) => [f, (signals[f]?.[i] ?? null) as SignalValue])),
      ),
      escalate: r.escalate[i]!,
      flags: r.escalate[i] ? ['escalate'] : [],
      base_score: r.base_score[i]!,
      model_probability: r.model?.probability[i] ?? null,
      model_reasons: r.model?.reasons[i] ?? null,
      score_change: null,
      previous: null,
    };
  });
}

/** Each account's id and as-of (`defaultAsOf` where it names none: the batch's, else today's). */
function accountKeys(accounts: readonly AccountInput[], defaultAsOf: string): { ids: string[]; asOf: string[] } {
  return { ids: accounts.map((a) => a.account_id), asOf: accounts.map((a) => a.as_of ?? defaultAsOf) };
}

/**
 * One account per (account_id, as-of) in a batch; an account without `as_of` is scored as of the
 * batch's, else today's, so it repeats one that names that date.
 */
function rejectDuplicates({ ids, asOf }: { ids: readonly string[]; asOf: readonly string[] }): void {
  if (ids.length < 2) return;
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const key = `${id}\u0000${asOf[i]}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new HttpError(
        400,
        'duplicate_account',
        `account_id "${id}" appears twice for the same as_of (/accounts/${first} and /accounts/${i})`,
        `/accounts/${i}/account_id`,
      );
    }
    seen.set(key, i);
  });
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  field?: string;
}

/** The JSON error body of every 4xx and 5xx answer (a 5xx says no more than "internal error"). */
export function errorBody(err: FastifyError | HttpError): ErrorBody {
  if (err instanceof HttpError) {
    return {
      statusCode: err.statusCode,
      error: STATUS_TEXT[err.statusCode] ?? 'Error',
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
    };
  }
  if (err.validation) {
    const { message, field } = describeValidationError(err.validation, err.validationContext ?? 'body');
    return {
      statusCode: 400,
      error: STATUS_TEXT[400]!,
      code: 'invalid_request',
      message,
      ...(field !== undefined ? { field } : {}),
    };
  }
  const status =
    typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  if (status >= 500)
    return {
      statusCode: status,
      error: STATUS_TEXT[status] ?? 'Error',
      code: 'internal_error',
      message: 'internal error',
    };
  return {
    statusCode: status,
    error: STATUS_TEXT[status] ?? 'Error',
    code: FASTIFY_CODES[err.code] ?? (err.code ? err.code.toLowerCase() : 'bad_request'),
    message: err.message,
  };
}
