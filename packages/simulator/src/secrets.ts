import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Secrets the simulator checks (access tokens, sign-in codes, lead tokens, recovery keys) are kept only as
 * SHA-256 digests: the state file never holds them in clear, and comparing digests of equal length lets
 * `timingSafeEqual` compare in constant time whatever the length of the guess.
 */
export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function matchesDigest(candidate: string, expectedDigest: string): boolean {
  const expected = Buffer.from(expectedDigest, 'base64url');
  const actual = createHash('sha256').update(candidate).digest();
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** Letters and digits that cannot be mistaken for one another (Crockford's base 32). */
const idAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomText(length: number, alphabet = idAlphabet): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

export const newSetupRequestID = () => `sr_${randomText(10)}`;
export const newVerificationID = () => `vrf_${randomText(10)}`;
export const newDeviceID = () => `SIM${randomText(8)}`;
export const newAccessToken = () => `syt_${randomBytes(24).toString('base64url')}`;
export const newLeadToken = () => `lt_${randomBytes(16).toString('base64url')}`;
export const newSignInCode = () => String(randomInt(1_000_000)).padStart(6, '0');
