import { type Static, Type } from 'typebox';
import { overviewAt } from '../../state/at.js';
import { AlarmStateSchema, CountsSchema, SourceStatusSchema } from '../schemas.js';
import type { App } from '../types.js';

export const OverviewSchema = Type.Object({
  generatedAt: Type.Integer({ description: 'epoch ms' }),
  at: Type.Optional(Type.Integer({ description: 'the moment shown, when asked for the past (epoch ms)' })),
  sources: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      status: SourceStatusSchema,
      entities: Type.Array(
        Type.Object({
          id: Type.String(),
          label: Type.String(),
          counts: CountsSchema,
          states: Type.Array(AlarmStateSchema, {
            description: "one per alarm, worst first (the ring's segments)",
          }),
        }),
      ),
    }),
  ),
});

export function overview(app: App): void {
  app.get(
    '/overview',
    {
      config: { access: 'read' },
      schema: {
        tags: ['wallboard'],
        summary:
          'Every source and its servers with alarm counts: what the wallboard draws (?at=ms: as it was then)',
        querystring: Type.Object(
          {
            at: Type.Optional(
              Type.Integer({ minimum: 0, description: 'time travel: the board at this moment (epoch ms)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: OverviewSchema },
      },
    },
    // The state keeps the encoded JSON ready and Fastify sends a Buffer as it is (no serializer
    // pass); the schema stays for the OpenAPI document and the tests that validate against it.
    async (req, reply) =>
      req.query.at !== undefined
        ? (overviewAt(app.cmon.state, app.cmon.store, req.query.at) as Promise<Static<typeof OverviewSchema>>)
        : reply
            .type('application/json; charset=utf-8')
            .send(app.cmon.state.overview() as unknown as Static<typeof OverviewSchema>),
  );
}
