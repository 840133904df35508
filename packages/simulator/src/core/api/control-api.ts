import type { CancelVerificationRequest, FieldError, Verification } from '@beeper-setup/contract';
import { validateSchema } from '@beeper-setup/validator';
import type { Session } from '../model/records.js';
import { scenarios } from '../scenarios.js';
import type { SimulatorContext } from '../operations/context.js';
import { actOnVerification, findVerification, requestVerificationFromOtherDevice } from '../operations/verifications.js';
import { invalidRequest, ProblemError } from '../problems.js';
import type { DeviceAction } from '../rules/verification-actions.js';
import { digestOf, matchesDigest } from '../security/secrets.js';
import { json, noContent, type ApiRoute } from './reply.js';
import { bearerToken, readJsonBody, splitTarget, type SimulatorRequest } from './request.js';
import { createRouter, type FindRoute } from './router.js';

const verificationPath = '/_sim/sessions/{deviceID}/verifications/{verificationID}';
/** What the control API lets the other device do, by the path under the verification. */
const otherDeviceActions: [path: string, action: DeviceAction][] = [
  ['accept', 'accept'],
  ['sas/confirm', 'sas.confirm'],
  ['qr/scan', 'qr.scan'],
  ['cancel', 'cancel'],
  ['mismatch', 'mismatch'],
];

/**
 * The simulator's own API under `/_sim/`: outside the contract, for tests and for people trying flows alone. It
 * reads sign-in codes and resets accounts, so every route needs the control token as a bearer token.
 */
export function controlApi(context: SimulatorContext, reset: () => void, controlToken: string): FindRoute<ApiRoute> {
  const tokenDigest = digestOf(controlToken);
  const routes = unguardedControlRoutes(context, reset).map((route): ApiRoute => ({
    ...route,
    handle: (request, params) => {
      if (!matchesDigest(bearerToken(request) ?? '', tokenDigest)) {
        throw new ProblemError('unauthorized', "The control API needs the token the simulator printed at start, as 'Authorization: Bearer <token>'.");
      }
      return route.handle(request, params);
    },
  }));
  return createRouter(routes);
}

function unguardedControlRoutes(context: SimulatorContext, reset: () => void): ApiRoute[] {
  const { world } = context;
  const sessionOf = (params: Record<string, string>) => sessionByDeviceID(context, params.deviceID!);

  return [
    {
      method: 'GET',
      template: '/_sim/outbox',
      handle: async (request) => json({ messages: world.messagesTo(splitTarget(request.target).query.get('email') ?? undefined) }),
    },
    {
      method: 'POST',
      template: '/_sim/reset',
      handle: async () => {
        reset();
        return noContent;
      },
    },
    { method: 'GET', template: '/_sim/scenarios', handle: async () => json({ scenarios }) },
    {
      method: 'POST',
      template: '/_sim/sessions/{deviceID}/verifications',
      handle: async (request, params) => {
        const { methods } = await readFields(request, { methods: { required: false, problem: methodsProblem } });
        const session = sessionOf(params);
        const verification = requestVerificationFromOtherDevice(context, session, (methods as Verification['methods'] | undefined) ?? ['qr', 'sas']);
        return json({ verificationID: verification.id });
      },
    },
    ...otherDeviceActions.map(([path, action]): ApiRoute => ({
      method: 'POST',
      template: `${verificationPath}/${path}`,
      handle: async (request, params) => {
        const cancellation = action === 'cancel' ? await readCancellation(request) : undefined;
        const { verification } = actOnVerification(context, sessionOf(params), params.verificationID!, 'other-device', action, cancellation);
        return json({ verification });
      },
    })),
    {
      method: 'GET',
      template: `${verificationPath}/qr`,
      handle: async (_, params) => {
        const { qrCodes } = findVerification(context, sessionOf(params), params.verificationID!);
        if (!qrCodes) throw new ProblemError('action_not_available', 'This verification does not offer QR codes: its methods do not include qr.');
        return json({ data: qrCodes.shownThere });
      },
    },
    {
      method: 'POST',
      template: '/_sim/sessions/{deviceID}/other-device',
      handle: async (request, params) => {
        const { sharesSecrets } = await readFields(request, { sharesSecrets: { required: true, problem: (value) => (typeof value === 'boolean' ? undefined : 'must be boolean') } });
        sessionOf(params).otherDeviceSharesSecrets = sharesSecrets as boolean;
        return noContent;
      },
    },
  ];
}

function sessionByDeviceID(context: SimulatorContext, deviceID: string): Session {
  const session = context.world.sessionByDeviceID(deviceID);
  // The ID is not echoed: a token pasted in its place must not come back in the answer.
  if (!session) throw new ProblemError('not_found', 'No signed-in session has this device ID.');
  return session;
}

async function readCancellation(request: SimulatorRequest): Promise<CancelVerificationRequest> {
  const body = (await readJsonBody(request)) ?? {};
  const validation = validateSchema('CancelVerificationRequest', body);
  if (!validation.valid) throw invalidRequest(validation.errors);
  return body as CancelVerificationRequest;
}

interface FieldRule {
  required: boolean;
  /** What is wrong with a value that is present, if anything. */
  problem(value: unknown): string | undefined;
}

/** A JSON object body with only the given fields (no body at all counts as `{}`), or a 400 naming each bad field. */
async function readFields(request: SimulatorRequest, rules: Record<string, FieldRule>): Promise<Record<string, unknown>> {
  const body = (await readJsonBody(request)) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest([{ pointer: '', detail: 'must be object' }]);
  const fields = body as Record<string, unknown>;
  const pointer = (name: string) => `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const errors: FieldError[] = Object.keys(fields)
    .filter((name) => !Object.hasOwn(rules, name))
    .map((name) => ({ pointer: pointer(name), detail: 'is not allowed' }));
  for (const [name, rule] of Object.entries(rules)) {
    const detail = fields[name] === undefined ? (rule.required ? 'is required' : undefined) : rule.problem(fields[name]);
    if (detail) errors.push({ pointer: pointer(name), detail });
  }
  if (errors.length > 0) throw invalidRequest(errors);
  return fields;
}

function methodsProblem(value: unknown): string | undefined {
  const valid =
    Array.isArray(value) && value.length > 0 && new Set(value).size === value.length && value.every((method) => method === 'qr' || method === 'sas');
  return valid ? undefined : 'must be a non-empty list of distinct methods, "qr" and "sas"';
}
