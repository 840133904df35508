import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { portNumber } from '../src/node.js';

/** `--port` parsed as each command here parses it; a usage error comes back as commander's message. */
function parsePort(value: string): number | string {
  const program = new Command('server')
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .option('--port <number>', 'port to listen on', portNumber, 1);
  try {
    return program.parse(['--port', value], { from: 'user' }).opts<{ port: number }>().port;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('portNumber', () => {
  it.each([
    ['0', 0],
    ['23380', 23380],
    ['65535', 65535],
  ])('takes %s', (value, port) => {
    expect(parsePort(value)).toBe(port);
  });

  it.each(['65536', '-1', '80.5', '0x50', '', '123456', 'eighty'])('refuses %j with a usage error', (value) => {
    expect(parsePort(value)).toBe(`error: option '--port <number>' argument '${value}' is invalid. a whole number from 0 to 65535.`);
  });
});
