import { CmonError, ERRORS } from '../../server/errors.js';

/** Exactly one credential: a schema `oneOf` would report both branches' errors, this names the field. */
export function checkOneSecret(config: { apiKey?: string | undefined; password?: string | undefined }): void {
  if (config.apiKey === undefined && config.password === undefined) {
    throw new CmonError(ERRORS.VALIDATION, 'body.config.apiKey: either apiKey or password is required');
  }
  if (config.apiKey !== undefined && config.password !== undefined) {
    throw new CmonError(ERRORS.VALIDATION, 'body.config.password: give apiKey or password, not both');
  }
}
