// Synchronous SHA-256: Web Crypto's digest only answers asynchronously, and the rules must not await between checking
// a secret and counting a wrong attempt (parallel guesses would all pass the lockout check before any was counted).
import { sha256 } from '@noble/hashes/sha2.js';
import { base64url, constantTimeEqual, fromBase64url, utf8 } from './bytes.js';
import { randomBytes, randomInt } from './random.js';

/**
 * Secrets the simulator checks (access tokens, sign-in codes, lead tokens, recovery keys, the control token) are
 * kept only as SHA-256 digests: the state file never holds them in clear, and comparing digests of equal length
 * compares in constant time whatever the length of the guess.
 */
export function digestOf(secret: string): string {
  return base64url(sha256(utf8(secret)));
}

export function matchesDigest(candidate: string, expectedDigest: string): boolean {
  const expected = fromBase64url(expectedDigest);
  return expected !== undefined && constantTimeEqual(sha256(utf8(candidate)), expected);
}

export const newAccessToken = () => `syt_${base64url(randomBytes(24))}`;
export const newLeadToken = () => `lt_${base64url(randomBytes(16))}`;
export const newSignInCode = () => String(randomInt(1_000_000)).padStart(6, '0');
export const newControlToken = () => base64url(randomBytes(24));
