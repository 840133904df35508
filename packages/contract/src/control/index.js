// `@beeper-setup/contract/control`: the simulator's control API (`/_sim/`), generated from openapi/control/.
export { controlOperationTable } from './operation-table.js';
