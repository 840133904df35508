// What `npm run dev` watches, and how a burst of changes becomes one run: runs are serialised (one set of servers),
// and changes made while one runs cause exactly one more, which sees the last of them.
import { watch } from 'node:fs';

/** Calls `onChange(changedPath)` once per burst of changes under `folder` (recursively), `quietMs` after the last. */
export function watchFolder(folder, onChange, { quietMs = 25, ignore = () => false } = {}) {
  let timer;
  let last;
  const watcher = watch(folder, { recursive: true }, (_, file) => {
    if (file && ignore(file)) return;
    last = file;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(last), quietMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * One run at a time, across every task of the queue. `coalesced(task)` makes a trigger: each call queues a run of
 * `task` unless one is queued and not yet started (that one will see the change), so the last change is always
 * followed by a whole run. `idle()` resolves once nothing runs.
 */
export function serialQueue(onError = (error) => console.error(error)) {
  let tail = Promise.resolve();
  return {
    coalesced(task) {
      let queued = false;
      return () => {
        if (queued) return;
        queued = true;
        tail = tail.then(async () => {
          queued = false;
          try {
            await task();
          } catch (error) {
            onError(error);
          }
        });
      };
    },
    idle: () => tail,
  };
}
