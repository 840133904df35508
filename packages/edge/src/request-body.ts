import { requestLimits, type FieldError, type Problem } from '@beeper-setup/contract';
import { problem } from './problem.js';

const { maxBodyBytes, maxJsonDepth } = requestLimits;

/** Whether a body of this many bytes (sent, or announced by `Content-Length`) is over the contract's limit. */
export const isOverBodyLimit = (byteLength: number): boolean => byteLength > maxBodyBytes;

/** The 413 for a body over the limit. */
export const payloadTooLarge = (): Problem => problem('payload_too_large', `The request body is larger than ${maxBodyBytes / 1024} KiB.`);

/** A parsed JSON body (`undefined` for none), or the 400 that answers one that cannot be taken. */
export type ParsedBody = { value: unknown } | { problem: Problem };

/**
 * Parses a request body as JSON, refusing one nested deeper than the contract's limit before parsing it (a few
 * thousand levels overflow the stack of a recursive validator) and one that is not JSON.
 */
export function parseJsonBody(text: string | undefined): ParsedBody {
  if (text === undefined) return { value: undefined };
  if (nestsDeeperThan(text, maxJsonDepth)) return { problem: wholeBodyProblem(`The JSON body nests deeper than ${maxJsonDepth} levels.`, `nests deeper than ${maxJsonDepth} levels`) };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: wholeBodyProblem('The request body is not valid JSON.', 'is not valid JSON') };
  }
}

const wholeBodyProblem = (detail: string, fieldDetail: string): Problem => ({ ...problem('invalid_request', detail), errors: [{ pointer: '', detail: fieldDetail }] });

/** How much of a 400's `detail` names fields; the rest is in `errors`. */
const describedLength = 1000;

/**
 * The 400 `invalid_request` for a body that breaks its schema: `errors` as given, and a `detail` that says the same
 * in words (`The request body is invalid: /recoveryKey must NOT have fewer than 1 characters.`), shortened to a
 * few lines when there are many, with control characters of property names escaped.
 */
export function invalidRequest(fieldErrors: FieldError[]): Problem {
  const parts: string[] = [];
  let length = 0;
  for (const { pointer, detail } of fieldErrors) {
    const part = printable(`${pointer || 'the body'} ${detail}`);
    if (parts.length > 0 && length + part.length > describedLength) break;
    parts.push(part.length > describedLength ? `${part.slice(0, describedLength)}…` : part);
    length += part.length;
  }
  const more = fieldErrors.length - parts.length;
  const described = `${parts.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
  return { ...problem('invalid_request', `The request body is invalid: ${described}.`), errors: fieldErrors };
}

const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);

const openers = new Set([0x5b, 0x7b]); // [ {
const closers = new Set([0x5d, 0x7d]); // ] }
const quote = 0x22;
const backslash = 0x5c;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, read in one pass and counting brackets outside
 * strings. No parse and no recursion, so a hostile body costs its length and no more. Malformed text is counted as
 * far as it goes; parsing it is not this check's job.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === backslash) index++;
      else if (code === quote) inString = false;
    } else if (code === quote) inString = true;
    else if (openers.has(code)) {
      if (++depth > limit) return true;
    } else if (closers.has(code)) depth--;
  }
  return false;
}
