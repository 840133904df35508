// Which requests the handlers answer, without a server: MSW's getResponse runs them on one request.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupHttp, simulatorHandlers } from '../src/index.js';

describe('simulatorHandlers', () => {
  const { handlers, simulator } = simulatorHandlers({ baseUrl: 'http://127.0.0.1:5173/' });
  const answer = (path: string, init?: RequestInit) => getResponse(handlers, new Request(`http://127.0.0.1:5173${path}`, init));

  it('answers the setup API from its root, under the base URL', async () => {
    const response = await answer('/v1/app/setup');
    expect(response?.status).toBe(200);
    expect(await response?.json()).toMatchObject({ state: 'needs-login' });
    expect((await answer('/v1/app/setup/start', { method: 'POST' }))?.status).toBe(200);
  });

  it('answers the control API with the simulator’s token, and refuses it without', async () => {
    const outbox = await answer('/_sim/outbox', { headers: { authorization: `Bearer ${simulator.controlToken}` } });
    expect(await outbox?.json()).toEqual({ messages: [] });
    expect((await answer('/_sim/outbox'))?.status).toBe(401);
  });

  it('leaves other paths and other origins to other handlers', async () => {
    expect(await answer('/v1/app/setupx')).toBeUndefined();
    expect(await answer('/assets/app.js')).toBeUndefined();
    expect(await getResponse(handlers, new Request('http://localhost:23373/v1/app/setup'))).toBeUndefined();
  });
});

describe('a base URL', () => {
  it.each(['http://localhost:23373/api', 'localhost:23373', 'ftp://localhost', 'http://localhost:23373/?a=1'])('that is not an origin (%s) is refused', (baseUrl) => {
    expect(() => simulatorHandlers({ baseUrl })).toThrow('baseUrl must be an origin the app calls');
    expect(() => setupHttp(baseUrl)).toThrow('baseUrl must be an origin the app calls');
  });
});
