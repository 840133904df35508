import { matchOperation, operationTable, verificationActionOperations, type CancelVerificationRequest, type OperationId, type operations, type VerificationAction } from '@beeper-setup/contract';
import { validateRequestBody } from '@beeper-setup/validator';
import type { Session } from '../model/records.js';
import { currentSetupState, type SimulatorContext } from '../operations/context.js';
import { confirmRecoveryKeyReset, resetRecoveryKey, verifyRecoveryKey } from '../operations/recovery-key.js';
import { completeSignIn, registerAccount, sendSignInCode, startSetup } from '../operations/sign-in.js';
import { actOnVerification, getVerification, listVerifications, scanQrCode, startVerification } from '../operations/verifications.js';
import { invalidRequest, ProblemError } from '../problems.js';
import { json, noContent, type ApiRoute, type Reply } from './reply.js';
import { bearerToken, parseJson, type SimulatorRequest } from './request.js';
import type { FindRoute } from './router.js';

type Operation<Id extends OperationId> = (typeof operationTable)[Id];
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The request body as the contract types it, by what the operation table says the operation takes. */
type RequestBody<Id extends OperationId> = Operation<Id>['body'] extends 'required'
  ? JsonContent<operations[Id]['requestBody']>
  : Operation<Id>['body'] extends 'optional'
    ? JsonContent<NonNullable<operations[Id]['requestBody']>> | undefined
    : undefined;
/** The `200` body; nothing for an operation that answers `204`. */
type SuccessBody<Id extends OperationId> = operations[Id]['responses'] extends { 200: infer Success } ? JsonContent<Success> : void;
type PathParams<Id extends OperationId> = Operation<Id>['path'] extends `${string}{verificationID}${string}` ? { verificationID: string } : object;

interface OperationRequest<Id extends OperationId> {
  /** Present whenever the operation requires a token; otherwise the session of a token that was sent anyway. */
  session: Operation<Id>['auth'] extends 'required' ? Session : Session | undefined;
  body: RequestBody<Id>;
  params: PathParams<Id>;
}

type Handlers = { [Id in OperationId]: (context: SimulatorContext, request: OperationRequest<Id>) => SuccessBody<Id> };

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

/** The contract's operations, found with their path's parameters by the contract's own method and path lookup. */
export function publicApi(context: SimulatorContext): FindRoute<ApiRoute> {
  const routes = new Map(
    (Object.keys(operationTable) as OperationId[]).map((id) => {
      const { method, path } = operationTable[id];
      const route: ApiRoute = { method: method.toUpperCase(), template: path, handle: (request, params) => handleOperation(context, id, request, params) };
      return [id, route] as const;
    }),
  );
  return (method, path) => {
    const match = matchOperation(method, path);
    return match && { route: routes.get(match.operation)!, params: match.params };
  };
}

/** Reads, authenticates and validates the request as the contract says, then hands it to the operation. */
async function handleOperation<Id extends OperationId>(context: SimulatorContext, id: Id, request: SimulatorRequest, params: Record<string, string>): Promise<Reply> {
  const { auth, body: takesBody } = operationTable[id];
  // Bodies of operations that take none are ignored, unread.
  const text = takesBody === 'none' ? undefined : await request.body();
  const session = authenticate(context, auth, bearerToken(request));
  const body = parseJson(text);
  const validation = validateRequestBody(id, body);
  if (!validation.valid) throw invalidRequest(validation.errors);
  const handler = handlers[id] as (context: SimulatorContext, request: OperationRequest<Id>) => SuccessBody<Id>;
  const result = handler(context, { session, body, params } as OperationRequest<Id>);
  return result === undefined ? noContent : json(result);
}

function authenticate(context: SimulatorContext, auth: 'none' | 'optional' | 'required', token: string | undefined): Session | undefined {
  const session = token === undefined ? undefined : context.world.sessionByToken(token);
  if (session || auth === 'none' || (auth === 'optional' && token === undefined)) return session;
  throw new ProblemError(
    'unauthorized',
    token === undefined ? "Send a valid access token as 'Authorization: Bearer <token>'." : 'The access token is unknown or was revoked. Sign in again.',
  );
}
