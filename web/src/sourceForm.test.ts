import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, toNewSource } from './sourceForm.js';

describe('toNewSource', () => {
  it('sends an API key as apiKey and leaves blank optional fields to the server', () => {
    expect(
      toNewSource({
        ...EMPTY_FORM,
        name: ' Prod ',
        username: ' ops ',
        secret: 'k',
        identityUrl: ' ',
        pollIntervalSec: '',
      }),
    ).toEqual({ type: 'rackspace', name: 'Prod', config: { username: 'ops', apiKey: 'k' } });
  });

  it('sends a password as password, with identity URL and interval', () => {
    expect(
      toNewSource({
        name: 'Lab',
        username: 'u',
        authMethod: 'password',
        secret: 'p w',
        identityUrl: 'http://127.0.0.1:9000/v2.0',
        pollIntervalSec: '30',
      }),
    ).toEqual({
      type: 'rackspace',
      name: 'Lab',
      config: {
        username: 'u',
        password: 'p w',
        identityUrl: 'http://127.0.0.1:9000/v2.0',
        pollIntervalSec: 30,
      },
    });
  });

  it('passes a non-number interval through so the server explains what is wrong', () => {
    expect(toNewSource({ ...EMPTY_FORM, pollIntervalSec: 'soon' }).config).toMatchObject({
      pollIntervalSec: 'soon',
    });
  });

  it('defaults the interval to 60 seconds', () => {
    expect(toNewSource(EMPTY_FORM).config.pollIntervalSec).toBe(60);
  });
});
