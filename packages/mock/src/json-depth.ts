const openers = new Set([0x5b, 0x7b]); // [ {
const closers = new Set([0x5d, 0x7d]); // ] }
const quote = 0x22;
const backslash = 0x5c;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, read in one pass over the raw bytes and
 * counting brackets outside strings. No parse and no recursion, so a hostile body costs its length and no more.
 * Malformed text is counted as far as it goes; parsing it is not this check's job.
 */
export function nestsDeeperThan(body: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index]!;
    if (inString) {
      if (byte === backslash) index++;
      else if (byte === quote) inString = false;
    } else if (byte === quote) inString = true;
    else if (openers.has(byte)) {
      if (++depth > limit) return true;
    } else if (closers.has(byte)) depth--;
  }
  return false;
}
