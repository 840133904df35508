import type { IncomingMessage } from 'node:http';
import { payloadTooLarge } from '@beeper-setup/edge';
import { readBody } from '@beeper-setup/edge/node';
import { RequestAborted, type SimulatorRequest } from '../core/api/request.js';
import { ProblemError } from '../core/problems.js';

/** The core's view of a Node request: its own header object, no copy; the body read only when asked for. */
export function simulatorRequestOf(request: IncomingMessage): SimulatorRequest {
  return { method: request.method ?? '', target: request.url ?? '', headers: request.headers, body: () => bodyText(request) };
}

/** The body as text, or `undefined` when there is none. */
async function bodyText(request: IncomingMessage): Promise<string | undefined> {
  const body = await readBody(request).catch((error: unknown) => {
    throw new RequestAborted(error);
  });
  if (body === 'too-large') throw ProblemError.of(payloadTooLarge());
  return body.length === 0 ? undefined : body.toString('utf8');
}

