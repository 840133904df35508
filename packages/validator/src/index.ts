import { openapiDocument } from '@beeper-setup/contract/document';
import { operationTable, type components, type OperationId } from '@beeper-setup/contract';
import { contractValidator } from './contract-validator.js';

export type SchemaName = keyof components['schemas'];
export type { ContractValidator, ResponseToValidate, Validation } from './contract-validator.js';

/** The setup API's validators; `@beeper-setup/validator/control` has the simulator control API's. */
export const { validateRequestBody, validateResponse, validateSchema } = contractValidator<OperationId, SchemaName>(openapiDocument, operationTable);

/** The bundled contract document, for tools that walk it. */
export const contractDocument: Readonly<Record<string, unknown>> = openapiDocument;
