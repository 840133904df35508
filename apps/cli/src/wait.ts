import { CliError } from './failures.js';
import type { Context } from './context.js';

const firstDelayMs = 500;
const maxDelayMs = 3_000;

/** Polls `read` with a growing delay until `settled` says so, showing progress; gives up after --wait-timeout. */
export async function pollUntil<T>(context: Context, message: string, read: () => Promise<T>, settled: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + context.waitTimeoutMs;
  return context.output.progress(message, async () => {
    for (let delay = firstDelayMs; ; delay = Math.min(delay * 1.5, maxDelayMs)) {
      const value = await read();
      if (settled(value)) return value;
      if (Date.now() + delay > deadline) {
        throw new CliError(`Gave up after ${context.waitTimeoutMs / 1000} s: ${message}. Run the command again to keep waiting, or raise --wait-timeout.`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  });
}
