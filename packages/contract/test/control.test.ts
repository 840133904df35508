import { describe, expect, it } from 'vitest';
import { controlOperationTable, type ControlOperationId } from '../src/control/index.js';
import { createRouter, operationTable } from '../src/index.js';

const routeControl = createRouter(controlOperationTable);

describe('controlOperationTable', () => {
  it('has the operations of the control API, each behind the control token', () => {
    expect(Object.keys(controlOperationTable)).toHaveLength(11);
    expect(new Set(Object.values(controlOperationTable).map(({ auth }) => auth))).toEqual(new Set(['required']));
  });

  it('shares no operation ID and no path with the setup API, so one table can route both', () => {
    const ids = new Set(Object.keys(operationTable));
    const paths = new Set<string>(Object.values(operationTable).map(({ path }) => path));
    expect(Object.keys(controlOperationTable).filter((id) => ids.has(id))).toEqual([]);
    expect(Object.values(controlOperationTable).filter(({ path }) => paths.has(path) || !path.startsWith('/_sim/'))).toEqual([]);
  });
});

describe('createRouter over the control table', () => {
  it.each(Object.entries(controlOperationTable))('finds %s by its method and path template', (id, { method, path }) => {
    expect(routeControl(method, path)).toMatchObject({ operation: id });
  });

  it.each<[string, string, string, ControlOperationId, Record<string, string>]>([
    ['the outbox', 'GET', '/_sim/outbox', 'listOutbox', {}],
    ['HEAD on the scenarios', 'HEAD', '/_sim/scenarios', 'listScenarios', {}],
    ['a session', 'POST', '/_sim/sessions/DEV1/verifications', 'requestVerificationFromOtherDevice', { deviceID: 'DEV1' }],
    ['both parameters, decoded', 'POST', '/_sim/sessions/DEV%201/verifications/vrf%2F1/sas/confirm', 'confirmSasAsOtherDevice', { deviceID: 'DEV 1', verificationID: 'vrf/1' }],
    ['the QR code beside the QR scan', 'GET', '/_sim/sessions/DEV1/verifications/vrf_1/qr', 'getOtherDeviceQrCode', { deviceID: 'DEV1', verificationID: 'vrf_1' }],
  ])('routes %s', (_, method, path, operation, params) => {
    expect(routeControl(method, path)).toEqual({ operation, params });
  });

  it.each<[string, string, string, string[] | undefined]>([
    ['POST on the outbox', 'POST', '/_sim/outbox', ['GET', 'HEAD']],
    ['GET on the reset', 'GET', '/_sim/reset', ['POST']],
    ['POST on the QR code', 'POST', '/_sim/sessions/DEV1/verifications/vrf_1/qr', ['GET', 'HEAD']],
    ['an unknown path', 'GET', '/_sim/nothing', undefined],
    ['an unknown action', 'POST', '/_sim/sessions/DEV1/verifications/vrf_1/start', undefined],
  ])('answers %s with the methods the path takes, or nothing', (_, method, path, allowedMethods) => {
    expect(routeControl(method, path)).toEqual(allowedMethods && { allowedMethods });
  });
});
