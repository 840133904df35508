import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openapiDocument as document } from '@beeper-setup/contract/document';
import { operationTable, pointerRef, pointerToken, resolvedSegments, valueAt, type components, type FieldError, type OperationId } from '@beeper-setup/contract';

export type SchemaName = keyof components['schemas'];
export type Validation = { valid: true } | { valid: false; errors: FieldError[] };
export interface ResponseToValidate {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when the response has none. */
  body: unknown;
}

type Json = Record<string, unknown>;
const documentId = 'contract';

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// The document is registered whole so that its internal $refs resolve; its root fields are OpenAPI, not JSON Schema,
// and neither are the contract's schema extensions: each problem code's `x-status`, the ended states of a verification.
ajv.addVocabulary([...Object.keys(document), 'x-status', 'x-ended-states']);
ajv.addSchema(document, documentId);

const compiled = new Map<string, ValidateFunction>();
function validatorAt(pointer: readonly string[]): ValidateFunction {
  const ref = `${documentId}${pointerRef(pointer)}`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  return validate;
}

function run(validate: ValidateFunction, value: unknown): Validation {
  return validate(value) ? { valid: true } : { valid: false, errors: toFieldErrors(validate.errors ?? []) };
}

// A problem lists at most this many field errors (`Problem.errors` has `maxItems`), each pointer at most this long:
// a body with thousands of unknown fields, or one with a very long name, must not produce an answer the contract forbids.
const problemErrors = ['components', 'schemas', 'Problem', 'properties', 'errors'];
const maxFieldErrors = valueAt(document, [...problemErrors, 'maxItems']) as number;
const maxPointerLength = valueAt(document, [...problemErrors, 'items', 'properties', 'pointer', 'maxLength']) as number;

/** Ajv's errors as the contract's field errors: a JSON Pointer to the field and what is wrong with it. */
function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  for (const error of errors) {
    if (fieldErrors.length === maxFieldErrors) break;
    const fieldError = withinPointerLimit(toFieldError(error));
    const key = `${fieldError.pointer} ${fieldError.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fieldErrors.push(fieldError);
  }
  return fieldErrors;
}

/** A field error whose pointer is too long to send, moved up to the nearest object it can point to. */
function withinPointerLimit(fieldError: FieldError): FieldError {
  if (fieldError.pointer.length <= maxPointerLength) return fieldError;
  let pointer = fieldError.pointer;
  while (pointer.length > maxPointerLength) pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  return { pointer, detail: `has a property whose name is too long to point to, which ${fieldError.detail}` };
}

function toFieldError({ keyword, instancePath, params, message }: ErrorObject): FieldError {
  switch (keyword) {
    case 'required':
      return { pointer: `${instancePath}/${pointerToken(params.missingProperty)}`, detail: 'is required' };
    case 'additionalProperties':
      return { pointer: `${instancePath}/${pointerToken(params.additionalProperty)}`, detail: 'is not allowed' };
    case 'const':
      return { pointer: instancePath, detail: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'enum':
      return { pointer: instancePath, detail: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { pointer: instancePath, detail: message ?? `fails ${keyword}` };
  }
}

function operationPointer(operationId: OperationId): string[] {
  const { path, method } = operationTable[operationId];
  return ['paths', path, method];
}

const at = (pointer: readonly string[]): unknown => valueAt(document, pointer);
const resolved = (pointer: readonly string[]): readonly string[] => resolvedSegments(document, pointer);

const invalid = (detail: string, pointer = ''): Validation => ({ valid: false, errors: [{ pointer, detail }] });

const requestBodyValidators = new Map<OperationId, ValidateFunction>();

/** Validates a request body (parsed JSON, or `undefined` when there is none) against the operation's contract. */
export function validateRequestBody(operationId: OperationId, body: unknown): Validation {
  const { body: expected } = operationTable[operationId];
  if (body === undefined) return expected === 'required' ? invalid('is required') : { valid: true };
  if (expected === 'none') return { valid: true };
  let validate = requestBodyValidators.get(operationId);
  if (!validate) {
    validate = validatorAt([...resolved([...operationPointer(operationId), 'requestBody']), 'content', 'application/json', 'schema']);
    requestBodyValidators.set(operationId, validate);
  }
  return run(validate, body);
}

/** Validates a response's status, media type, declared headers and body against the operation's contract. */
export function validateResponse(operationId: OperationId, response: ResponseToValidate): Validation {
  const declared = [...operationPointer(operationId), 'responses', String(response.status)];
  if (at(declared) === undefined) return invalid(`status ${response.status} is not declared for ${operationId}`);
  const pointer = resolved(declared);
  const headers = (at([...pointer, 'headers']) ?? {}) as Record<string, { required?: boolean }>;
  for (const [name, header] of Object.entries(headers)) {
    if (header.required && !response.headers.has(name)) return invalid(`header ${name} is required`);
  }
  const content = at([...pointer, 'content']) as Json | undefined;
  if (!content) return response.body === undefined ? { valid: true } : invalid(`status ${response.status} has no body`);
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(mediaType in content)) return invalid(`media type "${mediaType}" is not one of ${Object.keys(content).join(', ')}`);
  return run(validatorAt([...pointer, 'content', mediaType, 'schema']), response.body);
}

/** Validates a value against one of the contract's named schemas. */
export function validateSchema(name: SchemaName, value: unknown): Validation {
  return run(validatorAt(['components', 'schemas', name]), value);
}

/** The bundled contract document, for tools that walk it. */
export const contractDocument: Readonly<Json> = document;
