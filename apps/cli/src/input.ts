import { createInterface } from 'node:readline';
import * as prompts from '@clack/prompts';
import { CliError, UsageError, exitCodes } from './failures.js';
import { terminalText } from './terminal-text.js';

/**
 * Where answers come from. Interactively, prompts on the terminal (secrets hidden). Otherwise flags for
 * ordinary answers and, with --stdin, one standard-input line per secret; a missing answer fails at once
 * with the flag that provides it, so scripts never hang on a prompt.
 */
export interface Input {
  readonly interactive: boolean;
  text(question: Question<string> & { placeholder?: string; validate?: (value: string) => string | undefined }): Promise<string>;
  /** `name` says what to write on standard input, such as "the sign-in code". */
  secret(question: { message: string; name: string }): Promise<string>;
  /** Fails now, before anything is sent, when `secret` would fail later for want of a way to ask. */
  ensureSecretsCanBeRead(names: string): void;
  /** Stops reading standard input, so the process can end. */
  close(): void;
  confirm(question: Question<boolean>): Promise<boolean>;
  choose<T extends string>(question: Question<T> & { options: { value: T; label: string; hint?: string }[] }): Promise<T>;
}

/** A question, the flag that answers it in scripts, and that flag's value when it was given. */
export interface Question<T> {
  message: string;
  flag: string;
  given?: T | undefined;
}

export function createInput({ fromStdin }: { fromStdin: boolean }): Input {
  const interactive = !fromStdin && Boolean(process.stdin.isTTY);
  const reader = fromStdin ? createInterface({ input: process.stdin, terminal: false }) : undefined;
  const lines = reader?.[Symbol.asyncIterator]();

  const missing = (what: string, how: string) => new UsageError(`${what} is needed, and there is no terminal to ask on: ${how}.`);
  const missingSecret = (what: string, name: string) => missing(what, `pass --stdin and write ${name} to standard input (never as an argument)`);
  const answered = <T>(value: T | symbol): T => {
    if (prompts.isCancel(value)) throw new CliError('Cancelled.', exitCodes.cancelled);
    return value as T;
  };

  return {
    interactive,
    async text({ message, flag, given, placeholder, validate }) {
      if (given !== undefined) {
        const problem = validate?.(given);
        if (problem) throw new UsageError(`${flag}: ${problem}`);
        return given;
      }
      if (!interactive) throw missing(message, `pass ${flag}`);
      return answered<string>(
        await prompts.text({ message: terminalText(message), ...(placeholder && { placeholder: terminalText(placeholder) }), ...(validate && { validate: (value) => validate(value ?? '') }) }),
      );
    },
    async secret({ message, name }) {
      if (lines) {
        const line = await lines.next();
        if (line.done || !line.value.trim()) throw new UsageError(`Expected ${name} on the next line of standard input.`);
        return line.value.trim();
      }
      if (!interactive) throw missingSecret(message, name);
      return answered<string>(await prompts.password({ message: terminalText(message), validate: (value) => (value?.trim() ? undefined : 'Required.') })).trim();
    },
    close() {
      reader?.close();
    },
    ensureSecretsCanBeRead(names) {
      if (!lines && !interactive) throw missingSecret(names.charAt(0).toUpperCase() + names.slice(1), names);
    },
    async confirm({ message, flag, given }) {
      if (given !== undefined) return given;
      if (!interactive) throw missing(`An answer to "${message}"`, `pass ${flag}`);
      return answered<boolean>(await prompts.confirm({ message: terminalText(message) }));
    },
    async choose<T extends string>({ message, flag, given, options }: Question<T> & { options: { value: T; label: string; hint?: string }[] }): Promise<T> {
      if (given !== undefined) {
        if (!options.some((option) => option.value === given)) throw new UsageError(`${flag} must be one of: ${options.map((option) => option.value).join(', ')}.`);
        return given;
      }
      if (!interactive) throw missing(message, `pass ${flag} (${options.map((option) => option.value).join(', ')})`);
      // The labels can be the server's (username suggestions); the values go back to it as they came.
      const shown = options.map(({ value, label, hint }) => ({ value, label: terminalText(label), ...(hint && { hint: terminalText(hint) }) }));
      return answered<T>(await prompts.select({ message: terminalText(message), options: shown as prompts.Option<T>[] }));
    },
  };
}
