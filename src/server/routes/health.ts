import { Type } from 'typebox';
import type { App } from '../types.js';

export function health(app: App): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['server'],
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
}
