import type { LiveEvent } from '../../live/events.js';
import type { App } from '../types.js';

const HEARTBEAT_MS = 15_000;
/** A page that cannot keep up gets dropped; it reconnects and refetches the overview. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function stream(app: App): void {
  const open = new Set<{ end(): void }>();
  // Open streams would hold close() forever; end them so a shutdown is prompt.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get(
    '/stream',
    {
      config: { access: 'read' },
      schema: {
        tags: ['wallboard'],
        summary: 'Server-Sent Events: hello, source, source-removed, entities',
        description:
          'On connect `hello`; then `source` (added or status changed), `source-removed`, and `entities` ' +
          '({sourceId, upsert: overview entities, remove: ids}) whenever the overview changes.',
      },
    },
    (req, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 2000\n${frame('hello', { generatedAt: Date.now() })}`);
      const send = (event: LiveEvent) => {
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          res.destroy();
          return;
        }
        res.write(frame(event.type, event.data));
      };
      const unsubscribe = app.cmon.bus.subscribe(send);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      open.add(res);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      req.raw.on('close', close);
      res.on('error', close);
    },
  );
}
