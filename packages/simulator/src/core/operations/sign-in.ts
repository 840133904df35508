import type { CompleteSignInRequest, RegisterAccountRequest, SendSignInCodeRequest, SetupCompleteResponse, SetupRegistrationRequiredResponse, SetupStartResponse, SignInResult } from '@beeper-setup/contract';
import { responseExample } from '../contract-example.js';
import { noWrongAttempts, type Account, type Session, type SetupRequest, type SetupRequestStep } from '../model/records.js';
import { invalidRequest, ProblemError, TooManyAttemptsError } from '../problems.js';
import { homeserver } from '../rules/setup-state.js';
import { suggestUsernames, userIDOf, usernameProblem } from '../rules/usernames.js';
import { assertNotLockedOut, recordWrongAttempt } from '../rules/wrong-attempts.js';
import { newSetupRequestID } from '../model/ids.js';
import { digestOf, matchesDigest, newLeadToken, newSignInCode } from '../security/secrets.js';
import { currentSetupState, type SimulatorContext } from './context.js';

/** The account-creation texts of the contract's `registration-required` example. */
const registrationCopy = responseExample<SetupRegistrationRequiredResponse>('completeSignIn', 200, 'registration-required').copy;

/** How long an expired setup request is remembered. */
const expiredRequestMemoryMs = 60 * 60 * 1000;
/** As the contract decides: more open at once answer 429 until the oldest expires. */
export const maxSetupRequests = 1000;

const waitingFor: Record<SetupRequestStep['name'], string> = {
  'awaiting-email': 'is waiting for the sign-in code to be sent (POST /v1/app/setup/email)',
  'awaiting-code': 'is waiting for the sign-in code (POST /v1/app/setup/response)',
  'awaiting-registration': 'is waiting for registration (POST /v1/app/setup/register)',
  'signed-in': 'has already signed in; start again with POST /v1/app/setup/start',
};

export function startSetup(context: SimulatorContext, session: Session | undefined): SetupStartResponse {
  if (session) {
    const { state } = currentSetupState(context, session);
    throw new ProblemError('invalid_state', `This step is not valid while the setup state is ${state}: this device is already signed in.`);
  }
  // An expired request is remembered a while, to answer `setup_request_expired` rather than `not_found`.
  context.world.forgetSetupRequestsExpiredBy(context.now() - expiredRequestMemoryMs);
  makeRoomForSetupRequest(context);
  const request: SetupRequest = {
    id: newSetupRequestID(),
    expiresAt: context.now() + context.settings.setupRequestTtlMs,
    step: { name: 'awaiting-email' },
    codeAttempts: noWrongAttempts(),
  };
  context.world.addSetupRequest(request);
  return { setupRequestID: request.id, signInMethods: ['email'] };
}

/** At the cap, the expired requests are forgotten early; if every request is still open, the caller waits for the oldest. */
function makeRoomForSetupRequest({ world, now }: SimulatorContext): void {
  if (world.setupRequestCount < maxSetupRequests) return;
  world.forgetSetupRequestsExpiredBy(now());
  if (world.setupRequestCount < maxSetupRequests) return;
  const waitMs = world.oldestSetupRequest()!.expiresAt - now();
  throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)), `${maxSetupRequests} setup requests are open.`);
}

export function sendSignInCode(context: SimulatorContext, { email, setupRequestID }: SendSignInCodeRequest): void {
  const { request } = liveSetupRequest(context, setupRequestID, ['awaiting-email', 'awaiting-code']);
  const code = newSignInCode();
  const address = email.toLowerCase();
  // A new code replaces the previous one; the count of wrong codes carries on.
  request.step = { name: 'awaiting-code', email: address, codeDigest: digestOf(code) };
  context.world.send({ email: address, code, setupRequestID, sentAt: new Date(context.now()).toISOString() });
}

export function completeSignIn(context: SimulatorContext, { response, setupRequestID }: CompleteSignInRequest): SignInResult {
  const { request, step } = liveSetupRequest(context, setupRequestID, ['awaiting-code']);
  assertNotLockedOut(request.codeAttempts, context.now());
  context.wrongAttempts.signInCodes.assertUnderLimit(step.email, context.now());
  if (!matchesDigest(response.replace(/\s+/g, ''), step.codeDigest)) {
    recordWrongAttempt(request.codeAttempts, context.now());
    context.wrongAttempts.signInCodes.record(step.email, context.now());
    throw new ProblemError('invalid_sign_in_code', 'The sign-in code is wrong. Check the latest email and try again.');
  }
  const account = context.world.accountByEmail(step.email);
  if (account) return signIn(context, request, account);

  const leadToken = newLeadToken();
  request.step = { name: 'awaiting-registration', email: step.email, leadTokenDigest: digestOf(leadToken) };
  return {
    registrationRequired: true,
    leadToken,
    setupRequestID,
    copy: registrationCopy,
    usernameSuggestions: suggestUsernames(step.email, (username) => context.world.isUsernameTaken(username)),
  };
}

export function registerAccount(context: SimulatorContext, { leadToken, setupRequestID, username }: RegisterAccountRequest): SetupCompleteResponse {
  const { request, step } = liveSetupRequest(context, setupRequestID, ['awaiting-registration']);
  const { email, leadTokenDigest } = step;
  if (!matchesDigest(leadToken, leadTokenDigest)) {
    throw new ProblemError('invalid_lead_token', 'The lead token does not belong to this setup request.');
  }
  const problem = usernameProblem(username);
  if (problem) throw invalidRequest([{ pointer: '/username', detail: problem }]);
  if (context.world.isUsernameTaken(username)) {
    throw new ProblemError('username_taken', 'Someone already has this username. Choose another one.');
  }
  if (context.world.accountByEmail(email)) {
    throw new ProblemError('invalid_state', 'An account was created for this email meanwhile. Start again with POST /v1/app/setup/start to sign in.');
  }
  const account: Account = { email, username, userID: userIDOf(username) };
  context.world.addAccount(account);
  return signIn(context, request, account);
}

function signIn(context: SimulatorContext, request: SetupRequest, account: Account): SetupCompleteResponse {
  request.step = { name: 'signed-in' };
  const { session, accessToken } = context.world.addSession(account, context.now());
  return {
    matrix: { accessToken, deviceID: session.deviceID, homeserver, userID: account.userID },
    session: currentSetupState(context, session),
  };
}

/** The setup request, if it exists, has not expired and is at one of `steps`; else the contract's 404 or 409. */
function liveSetupRequest<Step extends SetupRequestStep['name']>(
  context: SimulatorContext,
  id: string,
  steps: Step[],
): { request: SetupRequest; step: Extract<SetupRequestStep, { name: Step }> } {
  const request = context.world.setupRequest(id);
  if (!request) throw new ProblemError('setup_request_not_found', 'No setup request has this ID. Start again with POST /v1/app/setup/start.');
  if (context.now() >= request.expiresAt) {
    throw new ProblemError('setup_request_expired', 'The setup request expired. Start again with POST /v1/app/setup/start.');
  }
  if (!(steps as SetupRequestStep['name'][]).includes(request.step.name)) {
    throw new ProblemError('invalid_state', `This step is not valid now: the setup request ${waitingFor[request.step.name]}.`);
  }
  return { request, step: request.step as Extract<SetupRequestStep, { name: Step }> };
}
