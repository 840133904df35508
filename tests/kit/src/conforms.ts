// The one check that an answer is what a contract says the request gets: the operation is found from the request's
// method and path by its contract's router (the setup API's, or the simulator control API's for `/_sim/`), and the
// answer's status, headers, media type and body are validated against it.
import type { Middleware } from 'openapi-fetch';
import { createRouter, routeOperation, type FieldError, type Router } from '@beeper-setup/contract';
import { controlOperationTable } from '@beeper-setup/contract/control';
import { validateResponse, type ResponseToValidate, type Validation } from '@beeper-setup/validator';
import { controlValidator } from '@beeper-setup/validator/control';

/** An answer as a test holds it: its body parsed from JSON, `undefined` when it had none. */
export interface Answer {
  status: number;
  headers: Headers;
  body?: unknown;
}

interface Contract {
  name: string;
  route: Router<string>;
  validate(operation: string, answer: ResponseToValidate): Validation;
}

// Their paths never meet (`/v1/app/setup...`, `/_sim/...`), so at most one router knows a path.
const contracts: Contract[] = [
  { name: 'the contract', route: routeOperation, validate: (operation, answer) => validateResponse(operation as Parameters<typeof validateResponse>[0], answer) },
  {
    name: 'the control contract',
    route: createRouter(controlOperationTable),
    validate: (operation, answer) => controlValidator.validateResponse(operation as Parameters<typeof controlValidator.validateResponse>[0], answer),
  },
];

/**
 * What the answer to `method path` breaks of its contract, in one readable line naming the request and the
 * operation; `undefined` when it conforms. A path a contract has with another method must be answered `405`
 * with `Allow` naming the methods it takes, as its operations declare; a path no contract has is a violation. The
 * line quotes no value of the answer, only where it is wrong.
 */
export function contractViolation(method: string, path: string, answer: Answer): string | undefined {
  const [pathname = ''] = path.split('?');
  const request = `${method} ${pathname}`;
  if (method.toUpperCase() === 'HEAD') return `${request}: a HEAD answer has no body to check; check the GET`;
  const found = contracts.map((contract) => ({ contract, routed: contract.route(method, pathname) })).find(({ routed }) => routed !== undefined);
  if (!found) return `${request} is no operation of the contract (answered ${answer.status})`;
  const { contract, routed } = found;
  let operation: string;
  if (routed && 'operation' in routed) {
    operation = routed.operation;
  } else {
    const { allowedMethods } = routed as { allowedMethods: string[] };
    if (answer.status !== 405) return `${request}: the path takes ${allowedMethods.join(', ')} only, so 405 is the answer, not ${answer.status}`;
    const allow = answer.headers.get('allow');
    const allowed = (allow ?? '').split(',').map((name) => name.trim().toUpperCase());
    if (allowed.sort().join() !== [...allowedMethods].sort().join()) return `${request}: Allow must name ${allowedMethods.join(', ')}, not ${JSON.stringify(allow)}`;
    // Every operation of a path declares its 405.
    operation = (contract.route(allowedMethods[0]!, pathname) as { operation: string }).operation;
  }
  const validation = contract.validate(operation, { body: undefined, ...answer });
  return validation.valid ? undefined : `${request} (${operation}) answered ${answer.status} outside ${contract.name}: ${validation.errors.map(described).join('; ')}`;
}

/** The same check on a fetch exchange, reading a copy of the response; a body that is not JSON is a violation. */
export async function exchangeViolation(request: Request, response: Response): Promise<string | undefined> {
  const { pathname } = new URL(request.url);
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    return `${request.method} ${pathname} answered ${response.status} with a body that is not JSON`;
  }
  return contractViolation(request.method, pathname, { status: response.status, headers: response.headers, body });
}

/** openapi-fetch middleware that fails every call whose answer is outside its contract, with the violation. */
export const conformsToContract: Middleware = {
  async onResponse({ request, response }) {
    const violation = await exchangeViolation(request, response);
    if (violation !== undefined) throw new Error(violation);
  },
};

/**
 * A fetch (the global one unless given another) that fails every call whose answer is outside its contract: for
 * clients that take a fetch rather than middleware, such as the simulator's control client.
 */
export function conformingFetch(fetch: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request)) {
  return async (request: Request): Promise<Response> => {
    const response = await fetch(request);
    const violation = await exchangeViolation(request, response);
    if (violation !== undefined) throw new Error(violation);
    return response;
  };
}

const described = ({ pointer, detail }: FieldError) => `${pointer || 'the body'} ${detail}`;
