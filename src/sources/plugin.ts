import type { App } from '../server/types.js';
import { createSource } from './routes/create.js';
import { deleteSource } from './routes/delete.js';
import { getEntity } from './routes/entity.js';
import { getSource } from './routes/get.js';
import { listSources } from './routes/list.js';
import { testSource } from './routes/test.js';
import { getTimeline } from './routes/timeline.js';

export async function sourcesPlugin(app: App): Promise<void> {
  listSources(app);
  createSource(app);
  getSource(app);
  deleteSource(app);
  testSource(app);
  getEntity(app);
  getTimeline(app);
}
