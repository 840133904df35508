import { startPrism, type PrismOptions, type RunningPrism } from './prism.js';

export interface SupervisedPrism {
  /** Where Prism listens now, or `undefined` while it restarts. */
  currentUrl(): string | undefined;
  close(): Promise<void>;
}

const restartDelayMs = 1_000;

/**
 * Prism, restarted whenever its process dies (one hostile request used to kill it for good). Resolves once the
 * first Prism listens; a failed first start rejects, a failed restart is tried again.
 */
export async function supervisePrism(options: PrismOptions & { onRestart?: (() => void) | undefined }): Promise<SupervisedPrism> {
  const { onRestart, ...prismOptions } = options;
  let closing = false;
  let current: RunningPrism | undefined;
  let starting: Promise<void> = Promise.resolve();

  const adopt = (prism: RunningPrism) => {
    current = prism;
    void prism.exited.then(() => {
      if (closing) return;
      current = undefined;
      onRestart?.();
      starting = restart();
    });
  };

  async function restart(): Promise<void> {
    while (!closing) {
      try {
        const prism = await startPrism(prismOptions);
        if (closing) return await prism.close();
        return adopt(prism);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, restartDelayMs));
      }
    }
  }

  adopt(await startPrism(prismOptions));
  return {
    currentUrl: () => current?.url,
    async close() {
      closing = true;
      await starting;
      await current?.close();
    },
  };
}
