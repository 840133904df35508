import type { Fetch } from '../src/index.js';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  /** Date.now() when the call was made (fake timers make it exact). */
  at: number;
  /** How fetch was told to treat a redirect. */
  redirect: RequestRedirect | undefined;
}

type Reply = Response | Error | ((signal: AbortSignal, call: RecordedCall) => Promise<Response>);

/** A fetch that answers from a script, one reply per call (the last one repeats), and records every call. */
export function scriptedFetch(...replies: Reply[]): Fetch & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (request: Request, init?: RequestInit) => {
    const call = { url: request.url, method: request.method, headers: request.headers, body: request.body ? await request.text() : undefined, at: Date.now(), redirect: init?.redirect };
    calls.push(call);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(init?.signal ?? request.signal, call);
    return reply.clone();
  };
  return Object.assign(fetch, { calls });
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

export const problem = (status: number, code: string, detail = 'Something is wrong.', headers: Record<string, string> = {}) =>
  json(status, { type: `urn:beeper:setup:problem:${code}`, title: code.replaceAll('_', ' '), status, detail, code }, headers);

/** What undici throws when nothing listens on the port. */
export const connectionRefused = () => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:23373'), { code: 'ECONNREFUSED' }) });

/** Headers arrive, then the connection resets halfway through the body. */
export const resetMidResponse = () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"state":"rea'));
        controller.error(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

/** A server that never answers; the request ends only when its signal aborts. */
export const neverAnswers = (signal: AbortSignal) =>
  new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError'))));

export const sessionReady = {
  state: 'ready',
  e2ee: {
    crossSigning: true,
    firstSyncDone: true,
    hasBackedUpRecoveryKey: true,
    initialized: true,
    keyBackup: true,
    secretStorage: true,
    verified: true,
    secrets: { masterKey: true, megolmBackupKey: true, recoveryKey: true, selfSigningKey: true, userSigningKey: true },
  },
} as const;
