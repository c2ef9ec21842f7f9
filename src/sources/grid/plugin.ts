import type { App } from '../../server/types.js';
import { ingestRoute } from './routes/ingest.js';
import { gridReadRoutes } from './routes/read.js';

export async function gridPlugin(app: App): Promise<void> {
  ingestRoute(app);
  gridReadRoutes(app);
}
