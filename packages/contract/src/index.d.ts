export type * from './schema.js';
export { operationTable } from './operation-table.js';
export { findOperation, type OperationId } from './find-operation.js';
