/** A copy of the repository that `npm run dev` runs in (see scratch-copy.mjs); `remove` deletes it. */
export declare function devScratchCopy(): Promise<{ root: string; remove(): Promise<void> }>;
