import { Type } from 'typebox';

export const ErrorSchema = Type.Object(
  { code: Type.String(), message: Type.String(), requestId: Type.String() },
  { description: 'Every error: a stable code, a readable message, the request id' },
);

export const ERROR_RESPONSES = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema } as const;

export const AlarmStateSchema = Type.Union([
  Type.Literal('OK'),
  Type.Literal('WARNING'),
  Type.Literal('CRITICAL'),
  Type.Literal('UNKNOWN'),
]);

export const SourceStatusSchema = Type.Object({
  state: Type.Union([
    Type.Literal('pending'),
    Type.Literal('ok'),
    Type.Literal('error'),
    Type.Literal('stale'),
  ]),
  message: Type.Union([Type.String(), Type.Null()]),
  lastSuccessAt: Type.Union([Type.Integer(), Type.Null()], { description: 'epoch ms' }),
  lastErrorAt: Type.Union([Type.Integer(), Type.Null()], { description: 'epoch ms' }),
});

export const CountsSchema = Type.Object({
  ok: Type.Integer(),
  warning: Type.Integer(),
  critical: Type.Integer(),
  unknown: Type.Integer(),
  total: Type.Integer(),
});

/** Ids in paths: what providers and cmon use, nothing that could wander through a path. */
export const IdParam = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' });
