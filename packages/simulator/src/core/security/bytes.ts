// Byte helpers that browsers and Node both have, in place of Node's Buffer: encodings from @scure/base, the rest
// from @noble/hashes (audited, dependency-free, synchronous).
import { base64 as base64Coder, base64urlnopad } from '@scure/base';

export { concatBytes, utf8ToBytes as utf8 } from '@noble/hashes/utils.js';
export const base64 = (bytes: Uint8Array): string => base64Coder.encode(bytes);
export const base64url = (bytes: Uint8Array): string => base64urlnopad.encode(bytes);

/** `undefined` for text that is not base64url. */
export function fromBase64url(text: string): Uint8Array | undefined {
  try {
    return base64urlnopad.decode(text);
  } catch {
    return undefined;
  }
}

/** Whether two byte strings are equal, in a time that depends on their length only, not on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
