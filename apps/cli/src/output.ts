import * as prompts from '@clack/prompts';
import { terminalText } from './terminal-text.js';

/** What the CLI tells the person: styled on a terminal, plain lines otherwise (for logs and tests). */
export interface Output {
  /** Opens a session on a terminal (a title line); nothing in plain output. */
  begin(title: string): void;
  step(message: string): void;
  success(message: string): void;
  warn(message: string): void;
  /** A framed block, such as a new recovery key or emojis to compare. */
  note(body: string, title: string): void;
  /** Raw text on standard output: `--json` and the like. */
  print(text: string): void;
  /** Shows progress while `work` runs. */
  progress<T>(message: string, work: () => Promise<T>): Promise<T>;
}

/** Writes to standard error, for failures and debug lines, as safely as `Output` writes. */
export function printError(text: string): void {
  process.stderr.write(`${terminalText(text)}\n`);
}

/** Every text goes through `terminalText` on its way out: much of it comes from the server. */
export function createOutput({ styled }: { styled: boolean }): Output {
  const output = styled ? styledOutput() : plainOutput();
  return {
    begin: (title) => output.begin(terminalText(title)),
    step: (message) => output.step(terminalText(message)),
    success: (message) => output.success(terminalText(message)),
    warn: (message) => output.warn(terminalText(message)),
    note: (body, title) => output.note(terminalText(body), terminalText(title)),
    print: (text) => output.print(terminalText(text)),
    progress: (message, work) => output.progress(terminalText(message), work),
  };
}

const line = (text: string) => process.stdout.write(`${text}\n`);

function styledOutput(): Output {
  return {
    begin: (title) => prompts.intro(title),
    step: (message) => prompts.log.step(message),
    success: (message) => prompts.log.success(message),
    warn: (message) => prompts.log.warn(message),
    note: (body, title) => prompts.note(body, title),
    print: line,
    async progress(message, work) {
      const spinner = prompts.spinner();
      spinner.start(message);
      try {
        const result = await work();
        spinner.stop(message);
        return result;
      } catch (error) {
        spinner.error(message);
        throw error;
      }
    },
  };
}

function plainOutput(): Output {
  return {
    begin: () => {},
    step: (message) => line(message),
    success: (message) => line(`✔ ${message}`),
    warn: (message) => line(`! ${message}`),
    note: (body, title) => line(`${title}\n\n${body.replace(/^/gm, '    ')}\n`),
    print: line,
    async progress(message, work) {
      line(`${message}…`);
      return work();
    },
  };
}
