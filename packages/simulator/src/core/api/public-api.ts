import { operationTable, verificationActionOperations, type CancelVerificationRequest, type OperationId, type operations, type VerificationAction } from '@beeper-setup/contract';
import { validateRequestBody } from '@beeper-setup/validator';
import type { Session } from '../model/records.js';
import { currentSetupState, type SimulatorContext } from '../operations/context.js';
import { confirmRecoveryKeyReset, resetRecoveryKey, verifyRecoveryKey } from '../operations/recovery-key.js';
import { completeSignIn, registerAccount, sendSignInCode, startSetup } from '../operations/sign-in.js';
import { actOnVerification, getVerification, listVerifications, scanQrCode, startVerification } from '../operations/verifications.js';
import { ProblemError } from '../problems.js';
import type { PathParamsOf, RequestBodyOf, SuccessBodyOf } from './operation-types.js';
import { replyOf, routesOf, type ApiRoute } from './reply.js';
import { bearerToken, bodyOf, validatedBody } from './request.js';

type Operation<Id extends OperationId> = (typeof operationTable)[Id];

interface OperationRequest<Id extends OperationId> {
  /** Present whenever the operation requires a token; otherwise the session of a token that was sent anyway. */
  session: Operation<Id>['auth'] extends 'required' ? Session : Session | undefined;
  body: RequestBodyOf<operations[Id], Operation<Id>['body']>;
  params: PathParamsOf<operations[Id]>;
}

type Handlers = { [Id in OperationId]: (context: SimulatorContext, request: OperationRequest<Id>) => SuccessBodyOf<operations[Id]> };

const handlers: Handlers = {
  getSetupState: (context, { session }) => currentSetupState(context, session),
  startSetup: (context, { session }) => startSetup(context, session),
  sendSignInCode: (context, { body }) => sendSignInCode(context, body),
  completeSignIn: (context, { body }) => completeSignIn(context, body),
  registerAccount: (context, { body }) => registerAccount(context, body),
  verifyRecoveryKey: (context, { session, body }) => verifyRecoveryKey(context, session, body),
  resetRecoveryKey: (context, { session, body }) => resetRecoveryKey(context, session, body),
  confirmRecoveryKeyReset: (context, { session, body }) => confirmRecoveryKeyReset(context, session, body),
  listVerifications: (context, { session }) => listVerifications(context, session),
  startVerification: (context, { session, body }) => startVerification(context, session, body),
  scanVerificationQrCode: (context, { session, body }) => scanQrCode(context, session, body),
  getVerification: (context, { session, params }) => getVerification(context, session, params.verificationID),
  ...actionHandlers(),
};

type ActionOperationId = (typeof verificationActionOperations)[VerificationAction];

/** Each verification action's operation takes that action for this device; only `cancel`'s has a body. */
function actionHandlers(): Pick<Handlers, ActionOperationId> {
  const entries = (Object.entries(verificationActionOperations) as [VerificationAction, ActionOperationId][]).map(([action, id]) => {
    const handle = (context: SimulatorContext, { session, params, body }: { session: Session; params: { verificationID: string }; body?: CancelVerificationRequest | undefined }) =>
      actOnVerification(context, session, params.verificationID, 'this-device', action, body);
    return [id, handle] as const;
  });
  return Object.fromEntries(entries) as Pick<Handlers, ActionOperationId>;
}

/**
 * The contract's operations as routes: each reads, authenticates and validates its request as the contract says,
 * then hands it to the operation.
 */
export function publicApi(context: SimulatorContext): Record<OperationId, ApiRoute> {
  return routesOf(operationTable, async (id, request, params) => {
    const { auth, body: takesBody } = operationTable[id];
    const text = await bodyOf(request, takesBody);
    const session = authenticate(context, auth, bearerToken(request));
    const body = validatedBody(text, (parsed) => validateRequestBody(id, parsed));
    const handler = handlers[id] as (context: SimulatorContext, request: OperationRequest<OperationId>) => unknown;
    return replyOf(handler(context, { session, body, params } as OperationRequest<OperationId>));
  });
}

function authenticate(context: SimulatorContext, auth: 'none' | 'optional' | 'required', token: string | undefined): Session | undefined {
  const session = token === undefined ? undefined : context.world.sessionByToken(token);
  if (session || auth === 'none' || (auth === 'optional' && token === undefined)) return session;
  throw new ProblemError(
    'unauthorized',
    token === undefined ? "Send a valid access token as 'Authorization: Bearer <token>'." : 'The access token is unknown or was revoked. Sign in again.',
  );
}
