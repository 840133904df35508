export { operationTable } from './operation-table.js';
export { findOperation } from './find-operation.js';
