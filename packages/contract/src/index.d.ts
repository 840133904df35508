export type * from './schema.js';
export { operationTable } from './operation-table.js';
export { problemTable } from './problem-table.js';
export { findOperation, matchOperation, type OperationId, type OperationMatch } from './find-operation.js';
export { deref, pointerRef, pointerSegments, pointerToken, resolvedSegments, valueAt } from './json-pointer.js';
