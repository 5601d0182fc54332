/**
 * The web app for CS Ops (`churnkit app`): accounts at risk and why, one account's history, the
 * scorecard what-if editor that backtests as you drag, the backtest report and the latest
 * recalibration for approval. Built on serve's HTTP pieces; the front end is in ./web.
 */
export { createApp } from './server.js';
//# sourceMappingURL=index.js.map