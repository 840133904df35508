// The one check that an answer is what the contract says the request gets: the operation is found from the
// request's method and path by the contract's router, and the answer's status, headers, media type and body are
// validated against it.
import type { Middleware } from 'openapi-fetch';
import { routeOperation, type FieldError, type OperationId } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';

/** An answer as a test holds it: its body parsed from JSON, `undefined` when it had none. */
export interface Answer {
  status: number;
  headers: Headers;
  body?: unknown;
}

/**
 * What the answer to `method path` breaks of the contract, in one readable line naming the request and the
 * operation; `undefined` when it conforms. A path the contract has with another method must be answered `405`
 * with `Allow` naming the methods it takes, as its operations declare; a path the contract does not have is a
 * violation. The line quotes no value of the answer, only where it is wrong.
 */
export function contractViolation(method: string, path: string, answer: Answer): string | undefined {
  const [pathname = ''] = path.split('?');
  const request = `${method} ${pathname}`;
  if (method.toUpperCase() === 'HEAD') return `${request}: a HEAD answer has no body to check; check the GET`;
  const routed = routeOperation(method, pathname);
  if (!routed) return `${request} is no operation of the contract (answered ${answer.status})`;
  let operation: OperationId;
  if ('operation' in routed) {
    operation = routed.operation;
  } else {
    const { allowedMethods } = routed;
    if (answer.status !== 405) return `${request}: the path takes ${allowedMethods.join(', ')} only, so 405 is the answer, not ${answer.status}`;
    const allow = answer.headers.get('allow');
    const allowed = (allow ?? '').split(',').map((name) => name.trim().toUpperCase());
    if (allowed.sort().join() !== [...allowedMethods].sort().join()) return `${request}: Allow must name ${allowedMethods.join(', ')}, not ${JSON.stringify(allow)}`;
    // Every operation of a path declares its 405.
    operation = (routeOperation(allowedMethods[0]!, pathname) as { operation: OperationId }).operation;
  }
  const validation = validateResponse(operation, { body: undefined, ...answer });
  return validation.valid ? undefined : `${request} (${operation}) answered ${answer.status} outside the contract: ${validation.errors.map(described).join('; ')}`;
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

/** openapi-fetch middleware that fails every call whose answer is outside the contract, with the violation. */
export const conformsToContract: Middleware = {
  async onResponse({ request, response }) {
    const violation = await exchangeViolation(request, response);
    if (violation !== undefined) throw new Error(violation);
  },
};

const described = ({ pointer, detail }: FieldError) => `${pointer || 'the body'} ${detail}`;
