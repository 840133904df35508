import * as prompts from '@clack/prompts';

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

export function createOutput({ styled }: { styled: boolean }): Output {
  const line = (text: string) => process.stdout.write(`${text}\n`);
  if (styled) {
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
