import { CommanderError } from 'commander';
import { createContext } from './context.js';
import { describeFailure, exitCodes, type FailureContext } from './failures.js';
import { printError } from './output.js';
import { buildProgram, globalOptionsOf, type Run } from './program.js';

// A reader that stops early (`beeper-setup --help | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  throw error;
});

/** Writes the failure in words (with its stack trace under --debug) and sets the exit code. */
function report(error: unknown, { debug, ...context }: FailureContext & { debug: boolean }): void {
  const { message, exitCode } = describeFailure(error, context);
  printError(message);
  if (debug && error instanceof Error && error.stack) printError(error.stack);
  process.exitCode = exitCode;
}

const runCommand: Run = async (command, work) => {
  const options = globalOptionsOf(command);
  const context = await createContext(options);
  context.output.begin(`beeper-setup ${command.name()} · ${context.baseUrl}`);
  try {
    await work(context);
  } catch (error) {
    report(error, { baseUrl: context.baseUrl, requestTimeoutMs: context.requestTimeoutMs, debug: Boolean(options.debug) });
  } finally {
    context.input.close();
  }
};

try {
  await buildProgram(runCommand).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message (and the help) already.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    // Before a command has its context: a bad base URL or token, or a credentials file that cannot be used.
    report(error, { baseUrl: 'the Beeper Desktop API', debug: process.argv.includes('--debug') });
  }
}
