export { operationTable } from './operation-table.js';
