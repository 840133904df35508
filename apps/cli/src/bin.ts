import { CommanderError } from 'commander';
import { createContext, type Context } from './context.js';
import { describeFailure, exitCodes } from './failures.js';
import { buildProgram, globalOptionsOf } from './program.js';

// A reader that stops early (`beeper-setup --help | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  throw error;
});

let debug = process.argv.includes('--debug');
let baseUrl = 'the Beeper Desktop API';

const program = buildProgram(async (command, work) => {
  const options = globalOptionsOf(command);
  debug = Boolean(options.debug);
  const context: Context = await createContext(options);
  baseUrl = context.baseUrl;
  context.output.begin(`beeper-setup ${command.name()} · ${baseUrl}`);
  try {
    await work(context);
  } finally {
    context.input.close();
  }
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message (and the help) already.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    const { message, exitCode } = describeFailure(error, baseUrl);
    process.stderr.write(`${message}\n`);
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = exitCode;
  }
}
