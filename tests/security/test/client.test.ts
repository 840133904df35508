import { describe, expect, it } from 'vitest';
import { createSetupClient } from '@beeper-setup/client';

describe('the client', () => {
  it('refuses a base URL that is not http(s)', () => {
    expect(() => createSetupClient({ baseUrl: 'file:///etc/passwd' })).toThrow(TypeError);
  });
});
