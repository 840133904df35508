// Randomness from Web Crypto, which browsers, Service Workers and Node (globalThis.crypto) all have.

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A whole number from 0 to `bound - 1`, every one equally likely (draws past the last whole multiple are redrawn). */
export function randomInt(bound: number): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  const draw = new Uint32Array(1);
  do globalThis.crypto.getRandomValues(draw);
  while (draw[0]! >= limit);
  return draw[0]! % bound;
}

export function randomText(length: number, alphabet: string): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}
