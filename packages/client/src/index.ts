export type { Fetch } from './attempt.js';
export { createSetupClient, defaultBaseUrl, type AccessToken, type SetupClient, type SetupClientOptions } from './client.js';
export { AbortedError, ApiError, ConnectionError, InvalidResponseError, RateLimitError, RedirectError, SetupClientError, TimeoutError, isProblem } from './errors.js';
export type { CallOptions } from './request.js';
export type { Logger } from './resilient-fetch.js';
export { SetupResponse } from './response.js';
export { unwrap, type Data } from './unwrap.js';
export { verificationActionPaths } from '@beeper-setup/contract';
export type {
  OperationId,
  Problem,
  ProblemCode,
  SetupRegistrationRequiredResponse,
  SetupState,
  SignInResult,
  Verification,
  VerificationAction,
} from '@beeper-setup/contract';
