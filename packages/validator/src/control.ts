// `@beeper-setup/validator/control`: the validators of the simulator's control API (`/_sim/`), compiled from its own
// bundled document; a separate entry, so that code validating the setup API alone never loads it.
import { controlDocument } from '@beeper-setup/contract/control/document';
import { controlOperationTable, type components, type ControlOperationId } from '@beeper-setup/contract/control';
import { contractValidator } from './contract-validator.js';

export type ControlSchemaName = keyof components['schemas'];

/** `validateRequestBody`, `validateResponse` and `validateSchema` against the control API's contract. */
export const controlValidator = contractValidator<ControlOperationId, ControlSchemaName>(controlDocument, controlOperationTable);
