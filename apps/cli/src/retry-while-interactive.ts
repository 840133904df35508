import { isProblem, type ProblemCode } from '@beeper-setup/client';
import type { Context } from './context.js';

/**
 * Runs `attempt` again after the given problem when a person can answer again; a script gets the error.
 * Wrong codes and keys still count on the server, which answers 429 after too many.
 */
export async function retryWhileInteractive<T>(context: Context, code: ProblemCode, hint: string, attempt: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isProblem(error, code) || !context.input.interactive) throw error;
      context.output.warn(hint);
    }
  }
}
