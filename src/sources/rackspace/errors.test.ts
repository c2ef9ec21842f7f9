import { describe, expect, it } from 'vitest';
import { describeErrorBody, errorType, RackspaceError, redact, txnIdOf } from './errors.js';

describe('describeErrorBody', () => {
  it.each([
    [
      'MaaS with int code',
      {
        type: 'notFoundError',
        code: 404,
        message: 'Object does not exist',
        details: 'Object "Entity" with key "enX" does not exist',
      },
      'Object does not exist: Object "Entity" with key "enX" does not exist',
    ],
    [
      'MaaS with string code',
      { type: 'badRequest', code: '400', message: 'Validation error', details: 'limit' },
      'Validation error: limit',
    ],
    [
      'details as object',
      {
        type: 'childrenExistError',
        code: 400,
        message: 'Children exist',
        details: { type: 'Check', message: 'Child checks remaining' },
      },
      'Children exist: Child checks remaining',
    ],
    ['message absent', { type: 'internalError', code: 500, details: 'boom' }, 'internalError: boom'],
    ['details equal to message', { type: 'x', message: 'same', details: 'same' }, 'same'],
    [
      'Identity wrapper',
      { unauthorized: { code: 401, message: 'Unable to authenticate user with credentials provided.' } },
      'Unable to authenticate user with credentials provided.',
    ],
    [
      'Repose overLimit',
      { overLimit: { code: 413, message: 'OverLimit Retry...', details: 'Error Details...' } },
      'OverLimit Retry...: Error Details...',
    ],
    ['wrapper without message', { methodNotAllowed: { code: 405 } }, undefined],
    ['not an object', 'Bad Gateway', undefined],
  ])('%s', (_name, body, expected) => {
    expect(describeErrorBody(body)).toBe(expected);
  });

  it('clips very long text', () => {
    expect(describeErrorBody({ type: 'x', message: 'a'.repeat(1000) })?.length).toBeLessThanOrEqual(200);
  });
});

describe('errorType and txnIdOf', () => {
  it('reads MaaS type or the wrapper key', () => {
    expect(errorType({ type: 'rateLimitReached', code: 429 })).toBe('rateLimitReached');
    expect(errorType({ overLimit: { code: 413 } })).toBe('overLimit');
    expect(errorType({ a: 1, b: 2 })).toBeUndefined();
  });
  it('prefers the body txnId, then X-Response-Id', () => {
    expect(txnIdOf({ txnId: '.rh-1' }, new Headers({ 'X-Response-Id': '.rh-2' }))).toBe('.rh-1');
    expect(txnIdOf({}, new Headers({ 'X-Response-Id': '.rh-2' }))).toBe('.rh-2');
    expect(txnIdOf(undefined, new Headers())).toBeUndefined();
  });
});

describe('RackspaceError and redact', () => {
  it('carries kind, status and txnId', () => {
    const e = new RackspaceError('client', 'nope', { status: 404, txnId: 't' });
    expect(e).toBeInstanceOf(Error);
    expect([e.kind, e.status, e.txnId, e.name]).toEqual(['client', 404, 't', 'RackspaceError']);
    expect(new RackspaceError('network', 'x').status).toBeUndefined();
  });
  it('masks secrets but ignores empty or tiny ones', () => {
    expect(redact('key s3cr3tKEY in s3cr3tKEY', ['s3cr3tKEY', undefined, ''])).toBe('key *** in ***');
    expect(redact('a b', ['a'])).toBe('a b');
  });
});
