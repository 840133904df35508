import type { ServerOptions } from 'node:http';
import { InvalidArgumentError } from 'commander';
import { requestLimits } from '@beeper-setup/contract';

/**
 * What every server here passes to `createServer`: the contract's header limit, whatever `--max-http-header-size`
 * Node runs with, and no answer of Node's own to a request without `Host` (an empty 400): the edge's checks answer
 * it with a problem.
 */
export const serverOptions = { maxHeaderSize: requestLimits.maxHeaderBytes, requireHostHeader: false } as const satisfies ServerOptions;

/** The `--port` option's parser (commander): a whole number from 0 (a free port) to 65535. */
export function portNumber(value: string): number {
  if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) return Number(value);
  throw new InvalidArgumentError('a whole number from 0 to 65535.');
}
