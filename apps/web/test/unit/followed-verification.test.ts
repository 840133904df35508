import { describe, expect, it } from 'vitest';
import { followedVerification, needsOwnRead } from '../../src/view/followed-verification.js';
import { verificationExample } from './contract-examples.js';

const ready = verificationExample('VerificationReady');
const sasReady = { ...verificationExample('VerificationSasReady'), id: ready.id };
const cancelled = verificationExample('VerificationCancelled');
const other = { ...verificationExample('VerificationIncomingRequested'), id: 'another-verification' };

describe('followedVerification', () => {
  it('takes the newer reading of the followed verification', () => {
    expect(followedVerification(ready, sasReady)).toBe(sasReady);
  });

  it('takes up a verification when none is followed, or the followed one ended', () => {
    expect(followedVerification(undefined, other)).toBe(other);
    expect(followedVerification(cancelled, other)).toBe(other);
  });

  it('keeps following one in progress rather than jump to another', () => {
    expect(followedVerification(ready, other)).toBe(ready);
  });

  it('keeps one that ended while the setup state names none, to say how it ended', () => {
    expect(followedVerification(cancelled, undefined)).toBe(cancelled);
  });
});

describe('needsOwnRead', () => {
  it('reads one in progress that the setup state no longer names', () => {
    expect(needsOwnRead(ready, undefined)).toBe(true);
    expect(needsOwnRead(ready, other)).toBe(true);
  });

  it('does not read one the setup state carries, or one that ended', () => {
    expect(needsOwnRead(ready, sasReady)).toBe(false);
    expect(needsOwnRead(cancelled, undefined)).toBe(false);
    expect(needsOwnRead(undefined, undefined)).toBe(false);
  });
});
