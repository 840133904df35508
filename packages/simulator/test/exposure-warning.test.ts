import { expect, it } from 'vitest';
import { exposureWarning } from '../src/http/exposure-warning.js';

it.each(['0.0.0.0', '::', '192.168.1.5', 'my-laptop.lan'])('warns loudly when listening on %s', (host) => {
  expect(exposureWarning(host)).toMatch(new RegExp(`^WARNING: listening on ${host.replaceAll('.', '\\.')}, which is not a loopback address`));
});

it.each(['127.0.0.1', '::1', 'localhost'])('says nothing on %s', (host) => {
  expect(exposureWarning(host)).toBeUndefined();
});
