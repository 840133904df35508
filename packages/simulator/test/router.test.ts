import { operationTable } from '@beeper-setup/contract';
import { expect, it } from 'vitest';
import { publicApi } from '../src/core/api/public-api.js';
import { createRouter } from '../src/core/api/router.js';
import type { SimulatorContext } from '../src/core/operations/context.js';

// Finding a route runs no operation, so no context is needed.
const route = publicApi({} as SimulatorContext);
const routes = Object.entries(operationTable).map(([id, { method, path }]) => ({ id, method: method.toUpperCase(), template: path }));
const templateOf = (id: string) => routes.find((each) => each.id === id)!.template;

it.each(routes.map(({ id, method, template }) => [id, method, template] as const))('routes %s (%s %s) to itself', (id, method, template) => {
  const match = route(method, template.replace('{verificationID}', 'vrf_01JBX3Q4Z8'));
  expect(match?.route).toMatchObject({ method, template: templateOf(id) });
  expect(match?.params).toEqual(template.includes('{verificationID}') ? { verificationID: 'vrf_01JBX3Q4Z8' } : {});
});

it.each([
  ['POST', '/v1/app/setup/verifications/qr/scan', 'scanVerificationQrCode', {}],
  ['GET', '/v1/app/setup/verifications/qr', 'getVerification', { verificationID: 'qr' }],
  ['GET', '/v1/app/setup/verifications/vrf%2F1%20x', 'getVerification', { verificationID: 'vrf/1 x' }],
  ['GET', '/v1/app/setup/verifications/%E0%A4%A', 'getVerification', { verificationID: '%E0%A4%A' }],
])('routes %s %s to %s with %j', (method, path, id, params) => {
  expect(route(method, path)).toEqual({ route: expect.objectContaining({ template: templateOf(id) }), params });
});

it.each([
  ['an unknown path', 'GET', '/v1/app/setup/nope'],
  ['a method the path does not have', 'DELETE', '/v1/app/setup'],
  ['a trailing slash', 'GET', '/v1/app/setup/'],
  ['an empty parameter', 'GET', '/v1/app/setup/verifications//accept'],
  ['a doubled slash', 'GET', '//v1/app/setup'],
])('matches nothing for %s', (_, method, path) => {
  expect(route(method, path)).toBeUndefined();
});

it.each([
  ['listed first', ['/a/{id}', '/a/literal']],
  ['listed last', ['/a/literal', '/a/{id}']],
])('prefers a literal segment to a parameter, %s', (_, templates) => {
  const routeOf = createRouter(templates.map((template) => ({ method: 'GET', template })));
  expect(routeOf('GET', '/a/literal')?.route.template).toBe('/a/literal');
  expect(routeOf('GET', '/a/other')).toEqual({ route: { method: 'GET', template: '/a/{id}' }, params: { id: 'other' } });
});
