import type { controlOperationTable } from './operation-table.js';

export { controlOperationTable } from './operation-table.js';
export type * from './schema.js';

/** The name of one of the control API's operations, such as `listOutbox`. */
export type ControlOperationId = keyof typeof controlOperationTable;
