import { Command, InvalidArgumentError, Option } from 'commander';
import { login } from './commands/login.js';
import { resetRecoveryKey, verifyRecoveryKey } from './commands/recovery-key.js';
import { setup } from './commands/setup.js';
import { status } from './commands/status.js';
import { verifyDevice } from './commands/verify-device.js';
import type { Context, GlobalOptions } from './context.js';

/** Runs a command with the context its global options describe; failures are worded by bin.ts. */
export type Run = (command: Command, work: (context: Context) => Promise<unknown>) => Promise<void>;

const seconds = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('a whole number of seconds, at least 1.');
  return parsed;
};

const example = (...lines: string[]) => `\nExample:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;

const loginOptions = (command: Command) =>
  command
    .option('--email <address>', 'the email address to sign in with')
    .option('--username <name>', 'the username, when a new account is created')
    .option('--accept-terms', 'accept the Terms of Use and the Privacy Policy, when a new account is created');

const verifyOptions = (command: Command) =>
  command
    .option('--start', 'start a verification when none is in progress')
    .option('--accept', 'accept an incoming verification request')
    .addOption(new Option('--method <method>', 'how to verify once both devices are ready').choices(['sas', 'qr']))
    .option('--emojis-match', 'confirm that the emojis match (only after comparing them!)')
    .option('--qr-scanned', 'confirm that the other device scanned this device\'s QR code');

export function buildProgram(run: Run): Command {
  const program = new Command('beeper-setup')
    .description('Sign in to Beeper Desktop or Beeper Server and set up encrypted messaging.')
    .option('--base-url <url>', 'the Beeper Desktop API (default: $BEEPER_DESKTOP_BASE_URL, else http://localhost:23373)')
    .option('--stdin', 'read secrets (sign-in code, recovery key, QR payload) from standard input, one per line, and never prompt')
    .option('--wait-timeout <seconds>', 'how long to wait for the other device or the server', seconds, 300)
    .option('--request-timeout <seconds>', 'how long each request may take to be answered, retries included', seconds, 30)
    .option('--debug', 'log each request and show stack traces')
    .showHelpAfterError('(run beeper-setup --help for usage)')
    .exitOverride() // subcommands inherit it: bin.ts turns every parse error into exit code 2
    .addHelpText(
      'after',
      `
Exit codes: 0 done, 1 the API refused or setup failed, 2 usage error or missing input, 3 cannot reach the server, 130 cancelled.
The access token is read from $BEEPER_ACCESS_TOKEN or saved by \`login\` in $XDG_CONFIG_HOME/beeper-setup/credentials.json.
${example('beeper-setup setup', 'beeper-setup status --base-url http://127.0.0.1:23380')}`,
    );

  program
    .command('status')
    .description('show the setup state, the encryption checklist and what to do next')
    .option('--json', 'print the raw setup state as JSON')
    .addHelpText('after', example('beeper-setup status --json'))
    .action((options: { json?: boolean }, command: Command) => run(command, (context) => status(context, options)));

  loginOptions(program.command('login').description('sign in with a code sent by email, creating the account if there is none'))
    .addHelpText('after', example('beeper-setup login', 'echo "$CODE" | beeper-setup login --email alice@example.com --stdin'))
    .action((options, command: Command) => run(command, (context) => login(context, options)));

  const recoveryKey = program.command('recovery-key').description('use or replace the recovery key');
  recoveryKey
    .command('verify')
    .description('unlock this device with your recovery key (typed hidden, or read with --stdin; never an argument)')
    .addHelpText('after', example('beeper-setup recovery-key verify', 'beeper-setup recovery-key verify --stdin < key.txt'))
    .action((_options, command: Command) => run(command, (context) => verifyRecoveryKey(context)));
  recoveryKey
    .command('reset')
    .description('create a new recovery key, show it once, and confirm it once you typed it back')
    .addHelpText('after', example('beeper-setup recovery-key reset'))
    .action((_options, command: Command) => run(command, (context) => resetRecoveryKey(context)));

  verifyOptions(program.command('verify-device').description('verify this device from another signed-in device'))
    .option('--scan', 'submit a QR code payload scanned from the other device (read like a secret)')
    .option('--cancel <verificationID>', 'cancel a verification')
    .option('--reason <text>', 'with --cancel: the reason the other device shows')
    .addHelpText('after', example('beeper-setup verify-device', 'beeper-setup verify-device --cancel vrf_123 --reason "Not me"'))
    .action((options, command: Command) => run(command, (context) => verifyDevice(context, options)));

  verifyOptions(loginOptions(program.command('setup').description('do whatever comes next until encrypted messaging is ready')))
    .addOption(new Option('--verify-with <way>', 'how to verify this device when it needs it').choices(['device', 'recovery-key']))
    .addHelpText('after', example('beeper-setup setup', 'printf "%s\\n%s\\n" "$CODE" "$RECOVERY_KEY" | beeper-setup setup --email alice@example.com --verify-with recovery-key --stdin'))
    .action((options, command: Command) => run(command, (context) => setup(context, options)));

  return program;
}

export function globalOptionsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}
