// Byte helpers that browsers and Node both have, in place of Node's Buffer.

const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export function concatBytes(...parts: ArrayLike<number>[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Three bytes at a time into four characters; what is left over makes two or three, padded with `=` if asked. */
function encode(bytes: Uint8Array, alphabet: string, padded: boolean): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const bits = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += alphabet[bits >> 18]! + alphabet[(bits >> 12) & 63]! + alphabet[(bits >> 6) & 63]! + alphabet[bits & 63]!;
  }
  const left = bytes.length - i;
  if (left === 0) return text;
  const bits = (bytes[i]! << 16) | (left === 2 ? bytes[i + 1]! << 8 : 0);
  text += alphabet[bits >> 18]! + alphabet[(bits >> 12) & 63]!;
  if (left === 2) text += alphabet[(bits >> 6) & 63]!;
  return padded ? text.padEnd(text.length + 3 - left, '=') : text;
}

export const base64 = (bytes: Uint8Array): string => encode(bytes, base64Alphabet, true);
export const base64url = (bytes: Uint8Array): string => encode(bytes, base64urlAlphabet, false);

/** `undefined` for text that is not base64url. */
export function fromBase64url(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
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
