import { base58 } from '@scure/base';
import { concatBytes } from '../security/bytes.js';
import { randomBytes } from '../security/random.js';
import { digestOf, matchesDigest } from '../security/secrets.js';

/** The two bytes Matrix puts before a recovery key's 32 key bytes. */
const matrixPrefix = Uint8Array.of(0x8b, 0x01);

/**
 * A new recovery key in the Matrix format: base58 of the prefix, 32 random bytes and a parity byte,
 * which always gives 48 characters, written in twelve groups of four.
 */
export function newRecoveryKey(): string {
  const bytes = concatBytes(matrixPrefix, randomBytes(32));
  const parity = bytes.reduce((xor, byte) => xor ^ byte, 0);
  const encoded = base58.encode(concatBytes(bytes, Uint8Array.of(parity)));
  return encoded.match(/.{4}/g)!.join(' ');
}

// Keys are compared without whitespace: people type them with any spacing.
export const digestOfRecoveryKey = (key: string) => digestOf(withoutWhitespace(key));
export const recoveryKeyMatches = (candidate: string, digest: string) => matchesDigest(withoutWhitespace(candidate), digest);
const withoutWhitespace = (key: string) => key.replace(/\s+/g, '');

