import type { App } from '../server/types.js';
import { exportSeries } from './routes/export.js';
import { importSeries } from './routes/import.js';
import { querySeries } from './routes/query.js';
import { listSeries } from './routes/series.js';
import type { HistoryStore } from './store.js';

/** The history API; register it with the `/api/v1` prefix. */
export async function historyPlugin(app: App, opts: { history: HistoryStore }): Promise<void> {
  listSeries(app, opts.history);
  querySeries(app, opts.history);
  importSeries(app, opts.history);
  exportSeries(app, opts.history);
}
