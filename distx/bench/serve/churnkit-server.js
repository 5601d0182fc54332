/**
 * The scoring service as the benchmark runs it: createServer from src/serve with the options
 * `churnkit serve --scorecard default --no-watch [--history DB]` uses, minus request logging,
 * in its own process. Importing src/serve alone (not the whole CLI) keeps the benchmark
 * independent of the other commands.
 */
import { createServer } from '../../src/serve/index.js';
const history = process.argv[2];
const app = await createServer({ scorecard: 'default', watch: false, history });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`Server listening at ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
//# sourceMappingURL=churnkit-server.js.map