import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { CmonError, ERRORS } from '../../server/errors.js';
import { parseSelector, type Selector, SelectorError } from '../selector.js';

export const MatchParam = Type.String({
  minLength: 1,
  maxLength: 4096,
  description: 'a series selector: name{label="value",label=~"regex",…}',
});

/** Epoch ms in a query string (the API does not coerce types, so it arrives as text). */
export const MsParam = (description: string) => Type.String({ pattern: '^-?[0-9]{1,16}$', description });

export const LabelsSchema = Type.Record(Type.String(), Type.String());

export function selectorParam(match: string): Selector {
  try {
    return parseSelector(match);
  } catch (err) {
    if (err instanceof SelectorError) throw new CmonError(ERRORS.VALIDATION, `query.match: ${err.message}`);
    throw err;
  }
}

/**
 * Sends JSON a handler wrote itself, as it is: Fastify serialises only objects. The route's
 * response schema still documents the answer (OpenAPI), and the writer's tests hold it to it.
 */
export function sendJson(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
