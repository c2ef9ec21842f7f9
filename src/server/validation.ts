import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const BASE: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };

function make(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...BASE, coerceTypes });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Query strings and path parameters are text and need coercing ("5" → 5); a JSON body must not be
 * coerced (`"pollIntervalSec": "5"` is an error the caller should hear about), so each part of a
 * request gets its own validator.
 */
export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = make(false);
  const coercing = make('array');
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}
