/**
 * Calls `then` once `ms` have passed or `signal` fires, whichever comes first, until the returned function stops
 * it.
 */
export function whenDue(ms: number, signal: AbortSignal | undefined, then: () => void): () => void {
  const timer = setTimeout(then, ms);
  signal?.addEventListener('abort', then);
  return () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', then);
  };
}

/** Resolves after `ms`, or at once when `signal` fires: the caller tells the two apart. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = whenDue(ms, signal, () => {
      stop();
      resolve();
    });
  });
}
