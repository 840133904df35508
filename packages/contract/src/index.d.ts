export type { $defs, components, operations, paths, webhooks } from './schema.js';
export { operationTable } from './operation-table.js';
