/**
 * The floor the scoring service is measured against: bare Fastify on the same routes, parsing
 * the same JSON bodies and answering a fixed JSON object, with no validation, scoring or
 * metrics. What churnkit adds on top of it is the cost of the service itself.
 */
import { float64, tableFromArrays, tableFromIPC, tableToIPC, utf8 } from '@uwdata/flechette';
import Fastify from 'fastify';
const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
const fixed = { account_id: 'A', as_of: '2024-06-30', score: 50, band: 'YELLOW', probability: null };
app.post('/v1/score', async () => fixed);
app.post('/v1/score/batch', async (req) => ({
    results: req.body.accounts.map(() => fixed),
}));
const ARROW = 'application/vnd.apache.arrow.stream';
// An Arrow body: decoded (flechette), its account_id read; answered with three fixed columns in Arrow.
app.addContentTypeParser(ARROW, { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, {
        arrow: tableFromIPC(body)
            .getChild('account_id')
            .toArray(),
    });
});
app.post('/v1/score/columns', async (req, reply) => {
    const body = req.body;
    if ('arrow' in body) {
        const ids = body.arrow;
        const table = tableFromArrays({ account_id: ids, score: new Float64Array(ids.length).fill(50), band: ids.map(() => 'YELLOW') }, { types: { account_id: utf8(), score: float64(), band: utf8() } });
        const bytes = tableToIPC(table, { format: 'stream' });
        reply.type(ARROW);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const ids = body.columns.account_id;
    return { n: ids.length, columns: { account_id: ids, score: ids.map(() => 50), band: ids.map(() => 'YELLOW') } };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`Server listening at ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
//# sourceMappingURL=baseline-server.js.map