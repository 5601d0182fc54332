/**
 * The batch timings' client, as its own process with nothing in its heap but the body it sends
 * (bench.ts --client lean):
 *
 *   node dist/bench/serve/batch-client.js URL BODY_FILE CONTENT_TYPE BATCHES WARMUPS
 *
 * prints `{"times":[ms, ...]}` (BATCHES of them, after WARMUPS untimed POSTs) or exits non-zero
 * naming the status of a POST that was not 200. In the benchmark's own process the same POSTs
 * share a heap with every body, the accounts they were made from and autocannon's state: each
 * answer's buffers then set off collections of that heap, which the 10 MB answer of the objects
 * route pays for far more than the floor's fixed one.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const agent = new http.Agent({ keepAlive: true });

/** One POST through node:http with a keep-alive agent, the answer read whole; its status. */
export function httpPost(url: string, body: Uint8Array, type: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': type, accept: type, 'content-length': body.byteLength } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          Buffer.concat(chunks);
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `batches` POSTs after `warmups` untimed ones, each timed from send to last byte; throws on a status other than 200. */
export async function timeHttpPosts(
  url: string,
  body: Uint8Array,
  type: string,
  batches: number,
  warmups: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < batches + warmups; i++) {
    const t0 = performance.now();
    const status = await httpPost(url, body, type);
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    if (i >= warmups) times.push(performance.now() - t0);
  }
  return times;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, file, type, batches, warmups] = process.argv.slice(2);
  const times = await timeHttpPosts(url!, readFileSync(file!), type!, Number(batches), Number(warmups));
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ times })}\n`);
}
