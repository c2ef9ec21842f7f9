/**
 * Every error cmon answers with, by stable code. A retired code is never reused.
 * 4xx are the caller's problem and are not logged as errors.
 */
export const ERRORS = {
  VALIDATION: { code: 'CMON_ERR_VALIDATION', status: 400 },
  BAD_JSON: { code: 'CMON_ERR_BAD_JSON', status: 400 },
  BAD_REQUEST: { code: 'CMON_ERR_BAD_REQUEST', status: 400 },
  UNAUTHORIZED: { code: 'CMON_ERR_UNAUTHORIZED', status: 401 },
  NOT_FOUND: { code: 'CMON_ERR_NOT_FOUND', status: 404 },
  SOURCE_NOT_FOUND: { code: 'CMON_ERR_SOURCE_NOT_FOUND', status: 404 },
  ENTITY_NOT_FOUND: { code: 'CMON_ERR_ENTITY_NOT_FOUND', status: 404 },
  FORBIDDEN: { code: 'CMON_ERR_FORBIDDEN', status: 403 },
  CSRF: { code: 'CMON_ERR_CSRF', status: 403 },
  LOGIN_FAILED: { code: 'CMON_ERR_LOGIN_FAILED', status: 401 },
  CONFLICT: { code: 'CMON_ERR_CONFLICT', status: 409 },
  RATE_LIMITED: { code: 'CMON_ERR_RATE_LIMITED', status: 429 },
  BODY_TOO_LARGE: { code: 'CMON_ERR_BODY_TOO_LARGE', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { code: 'CMON_ERR_UNSUPPORTED_MEDIA_TYPE', status: 415 },
  INTERNAL: { code: 'CMON_ERR_INTERNAL', status: 500 },
} as const;

export type ErrorDef = (typeof ERRORS)[keyof typeof ERRORS];

export class CmonError extends Error {
  override name = 'CmonError';
  constructor(
    readonly def: ErrorDef,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
}

export interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[];
  validationContext?: string;
}

function validationMessage(err: FastifyLikeError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const context = err.validationContext ?? 'request';
  let path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (first.keyword === 'required')
    path = [path, String(first.params.missingProperty)].filter(Boolean).join('.');
  if (first.keyword === 'additionalProperties') {
    path = [path, String(first.params.additionalProperty)].filter(Boolean).join('.');
    return `${context}.${path}: unknown field`;
  }
  const field = path ? `${context}.${path}` : context;
  return `${field}: ${first.message ?? 'is invalid'}`;
}

/** Maps anything thrown in a request to the catalog. */
export function toErrorDef(err: FastifyLikeError): { def: ErrorDef; message: string } {
  if (err instanceof CmonError) return { def: err.def, message: err.message };
  if (err.validation) return { def: ERRORS.VALIDATION, message: validationMessage(err) };
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { def: ERRORS.BODY_TOO_LARGE, message: 'request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { def: ERRORS.UNSUPPORTED_MEDIA_TYPE, message: 'send the body as application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { def: ERRORS.BAD_JSON, message: 'body: a JSON body is required' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { def: ERRORS.BAD_JSON, message: `body: invalid JSON: ${err.message}` };
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    if (err.statusCode === 404) return { def: ERRORS.NOT_FOUND, message: err.message };
    return { def: ERRORS.BAD_REQUEST, message: err.message };
  }
  return { def: ERRORS.INTERNAL, message: 'internal error' };
}
