import { controlOperationTable, type ControlOperationId, type operations } from '@beeper-setup/contract/control';
import { controlValidator } from '@beeper-setup/validator/control';
import type { Session } from '../model/records.js';
import { scenarios } from '../scenarios.js';
import type { SimulatorContext } from '../operations/context.js';
import { actOnVerification, findVerification, requestVerificationFromOtherDevice } from '../operations/verifications.js';
import { ProblemError } from '../problems.js';
import type { DeviceAction } from '../rules/verification-actions.js';
import { digestOf, matchesDigest } from '../security/secrets.js';
import type { PathParamsOf, RequestBodyOf, SuccessBodyOf } from './operation-types.js';
import { replyOf, routesOf, type ApiRoute } from './reply.js';
import { bearerToken, bodyOf, splitTarget, validatedBody } from './request.js';

interface ControlRequest<Id extends ControlOperationId> {
  body: RequestBodyOf<operations[Id], (typeof controlOperationTable)[Id]['body']>;
  params: PathParamsOf<operations[Id]>;
  query: URLSearchParams;
}

type Handlers = { [Id in ControlOperationId]: (request: ControlRequest<Id>) => SuccessBodyOf<operations[Id]> };

/**
 * The simulator's own API under `/_sim/`, as its contract (`@beeper-setup/contract/control`) describes it: for tests
 * and for people trying flows alone. It reads sign-in codes and resets accounts, so every operation needs the
 * control token as a bearer token; request bodies are validated against the control contract.
 */
export function controlApi(context: SimulatorContext, reset: () => void, controlToken: string): Record<ControlOperationId, ApiRoute> {
  const tokenDigest = digestOf(controlToken);
  const handlers = controlHandlers(context, reset);
  return routesOf(controlOperationTable, async (id, request, params) => {
    if (!matchesDigest(bearerToken(request) ?? '', tokenDigest)) {
      throw new ProblemError('unauthorized', "The control API needs the token the simulator printed at start, as 'Authorization: Bearer <token>'.");
    }
    const body = validatedBody(await bodyOf(request, controlOperationTable[id].body), (parsed) => controlValidator.validateRequestBody(id, parsed));
    const handler = handlers[id] as (request: ControlRequest<ControlOperationId>) => unknown;
    return replyOf(handler({ body, params, query: splitTarget(request.target).query } as ControlRequest<ControlOperationId>));
  });
}

function controlHandlers(context: SimulatorContext, reset: () => void): Handlers {
  const sessionOf = (deviceID: string) => sessionByDeviceID(context, deviceID);
  /** What the other device does to a verification, answered with the verification as this device sees it. */
  const otherDevice =
    (action: DeviceAction) =>
    ({ params, body }: { params: { deviceID: string; verificationID: string }; body?: ControlRequest<'cancelVerificationAsOtherDevice'>['body'] }) => ({
      verification: actOnVerification(context, sessionOf(params.deviceID), params.verificationID, 'other-device', action, body).verification!,
    });

  return {
    listOutbox: ({ query }) => ({ messages: context.world.messagesTo(query.get('email') ?? undefined) }),
    resetSimulator: () => reset(),
    listScenarios: () => ({ scenarios }),
    requestVerificationFromOtherDevice: ({ params, body }) => ({
      verificationID: requestVerificationFromOtherDevice(context, sessionOf(params.deviceID), body?.methods ?? ['qr', 'sas']).id,
    }),
    acceptVerificationAsOtherDevice: otherDevice('accept'),
    confirmSasAsOtherDevice: otherDevice('sas.confirm'),
    scanQrCodeAsOtherDevice: otherDevice('qr.scan'),
    cancelVerificationAsOtherDevice: otherDevice('cancel'),
    reportSasMismatch: otherDevice('mismatch'),
    getOtherDeviceQrCode: ({ params }) => {
      const { qrCodes } = findVerification(context, sessionOf(params.deviceID), params.verificationID);
      if (!qrCodes) throw new ProblemError('action_not_available', 'This verification does not offer QR codes: its methods do not include qr.');
      return { data: qrCodes.shownThere };
    },
    setOtherDeviceSettings: ({ params, body }) => {
      sessionOf(params.deviceID).otherDeviceSharesSecrets = body.sharesSecrets;
    },
  };
}

function sessionByDeviceID(context: SimulatorContext, deviceID: string): Session {
  const session = context.world.sessionByDeviceID(deviceID);
  // The ID is not echoed: a token pasted in its place must not come back in the answer.
  if (!session) throw new ProblemError('not_found', 'No signed-in session has this device ID.');
  return session;
}
