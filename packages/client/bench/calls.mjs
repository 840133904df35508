// Makes COUNT calls of one variant of ./variants.mjs, one after another: what bench/profile.mjs runs under
// `node --cpu-prof`. Usage: node bench/calls.mjs GET '@beeper-setup/client' [count]
import { operations } from './variants.mjs';

const [operation, variant, count = '100000'] = process.argv.slice(2);
const run = operations[operation]?.variants[variant];
if (!run) throw new Error(`Unknown variant: ${operation} ${variant}; expected one of ${Object.keys(operations).join(', ')} and ${Object.keys(operations.GET.variants).join(', ')}.`);
for (let i = 0; i < Number(count); i++) await run();
