import { Type } from 'typebox';
import { ERROR_RESPONSES } from '../../server/schemas.js';
import type { App } from '../../server/types.js';
import type { HistoryStore } from '../store.js';
import { LabelsSchema, MatchParam, selectorParam } from './common.js';

export function listSeries(app: App, history: HistoryStore): void {
  app.get(
    '/series',
    {
      config: { access: 'read' },
      schema: {
        tags: ['history'],
        summary: 'The recorded series a selector matches',
        querystring: Type.Object({ match: MatchParam }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            series: Type.Array(Type.Object({ name: Type.String(), labels: LabelsSchema })),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req) => {
      const found = await history.findSeries(selectorParam(req.query.match));
      return { series: found.map(({ name, labels }) => ({ name, labels })) };
    },
  );
}
