export { createSetupClient, defaultBaseUrl, type AccessToken, type SetupClient, type SetupClientOptions } from './client.js';
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  SetupClientError,
  TimeoutError,
  UnprocessableEntityError,
  type Problem,
} from './errors.js';
export {
  isRegistrationRequired,
  nextStep,
  verificationStep,
  type NextStep,
  type RegistrationRequired,
  type SetupState,
  type SignInResult,
  type Verification,
  type VerificationAction,
  type VerificationStep,
} from './flow.js';
export type { OperationId } from './operations.js';
export type { Fetch, Logger } from './resilience.js';
export { unwrap, type Data } from './unwrap.js';
