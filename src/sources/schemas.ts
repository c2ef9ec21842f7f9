import { Type } from 'typebox';
import { IdParam, SourceStatusSchema } from '../server/schemas.js';

const Secret = (description: string) => Type.String({ minLength: 1, maxLength: 1024, description });

export const RackspaceInputConfig = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 256 }),
    apiKey: Type.Optional(Secret('API key (write-only; never returned)')),
    password: Type.Optional(Secret('password (write-only; never returned)')),
    identityUrl: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: '^https?://',
        maxLength: 2048,
        description: 'Identity v2.0 base URL',
      }),
    ),
    pollIntervalSec: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400, default: undefined })),
  },
  { additionalProperties: false },
);

export const SourceInput = Type.Object(
  {
    type: Type.Literal('rackspace'),
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    config: RackspaceInputConfig,
  },
  { additionalProperties: false },
);

export const PublicSourceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.Literal('rackspace'),
  config: Type.Object({
    username: Type.String(),
    authMethod: Type.Union([Type.Literal('apiKey'), Type.Literal('password')]),
    identityUrl: Type.String(),
    pollIntervalSec: Type.Integer(),
  }),
  status: SourceStatusSchema,
  createdAt: Type.Integer(),
});

export const TestResultSchema = Type.Object({ ok: Type.Boolean(), error: Type.Optional(Type.String()) });

export const SourceParams = Type.Object({ id: IdParam }, { additionalProperties: false });
