/**
 * The floor the scoring service is measured against: bare Fastify on the same routes, parsing
 * the same JSON bodies and answering a fixed JSON object, with no validation, scoring or
 * metrics. What churnkit adds on top of it is the cost of the service itself.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
const fixed = { account_id: 'A', as_of: '2024-06-30', score: 50, band: 'YELLOW', probability: null };
app.post('/v1/score', async () => fixed);
app.post('/v1/score/batch', async (req) => ({
  results: (req.body as { accounts: unknown[] }).accounts.map(() => fixed),
}));
app.post('/v1/score/columns', async (req) => {
  const ids = (req.body as { columns: { account_id: string[] } }).columns.account_id;
  return { n: ids.length, columns: { account_id: ids, score: ids.map(() => 50), band: ids.map(() => 'YELLOW') } };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`Server listening at ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
