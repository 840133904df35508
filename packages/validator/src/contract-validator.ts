import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { pointerRef, pointerToken, resolvedSegments, valueAt, type FieldError } from '@beeper-setup/contract';

export type Validation = { valid: true } | { valid: false; errors: FieldError[] };
export interface ResponseToValidate {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when the response has none. */
  body: unknown;
}

/** What an operation table (`operationTable`, `controlOperationTable`) says of each operation. */
type OperationTable<Id extends string> = Record<Id, { readonly method: string; readonly path: string; readonly body: 'none' | 'optional' | 'required' }>;

/** The validators of one bundled document, by the operation IDs of its table and the names of its schemas. */
export interface ContractValidator<Id extends string, SchemaName extends string> {
  /** Validates a request body (parsed JSON, or `undefined` when there is none) against the operation's contract. */
  validateRequestBody(operationId: Id, body: unknown): Validation;
  /** Validates a response's status, media type, declared headers and body against the operation's contract. */
  validateResponse(operationId: Id, response: ResponseToValidate): Validation;
  /** Validates a value against one of the document's named schemas. */
  validateSchema(name: SchemaName, value: unknown): Validation;
}

type Json = Record<string, unknown>;

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
let documentCount = 0;
// Ajv's getKeyword does not report keywords added by name alone, so the ones added are remembered here.
const addedKeywords = new Set<string>();

/** Validators compiled (Ajv, draft 2020-12) from a bundled document, each schema once, on first use. */
export function contractValidator<Id extends string, SchemaName extends string>(document: Json, table: OperationTable<Id>): ContractValidator<Id, SchemaName> {
  const documentId = `contract-${++documentCount}`;
  // The document is registered whole so that its internal $refs resolve; its root fields are OpenAPI, not JSON
  // Schema, and neither are the contract's schema extensions: each problem code's `x-status`, the ended states of a
  // verification. One Ajv serves every document, so each keyword is added once.
  const keywords = [...Object.keys(document), 'x-status', 'x-ended-states'].filter((keyword) => !addedKeywords.has(keyword));
  ajv.addVocabulary(keywords);
  for (const keyword of keywords) addedKeywords.add(keyword);
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

  // A problem lists at most this many field errors (`Problem.errors` has `maxItems`), each pointer at most this long:
  // a body with thousands of unknown fields, or one with a very long name, must not produce an answer the contract
  // forbids.
  const problemErrors = ['components', 'schemas', 'Problem', 'properties', 'errors'];
  const limits = {
    maxFieldErrors: valueAt(document, [...problemErrors, 'maxItems']) as number,
    maxPointerLength: valueAt(document, [...problemErrors, 'items', 'properties', 'pointer', 'maxLength']) as number,
  };
  const run = (validate: ValidateFunction, value: unknown): Validation =>
    validate(value) ? { valid: true } : { valid: false, errors: toFieldErrors(validate.errors ?? [], limits) };

  const at = (pointer: readonly string[]): unknown => valueAt(document, pointer);
  const resolved = (pointer: readonly string[]): readonly string[] => resolvedSegments(document, pointer);
  const operationPointer = (operationId: Id): string[] => ['paths', table[operationId].path, table[operationId].method];

  return {
    validateRequestBody(operationId, body) {
      const { body: expected } = table[operationId];
      if (body === undefined) return expected === 'required' ? invalid('is required') : { valid: true };
      if (expected === 'none') return { valid: true };
      return run(validatorAt([...resolved([...operationPointer(operationId), 'requestBody']), 'content', 'application/json', 'schema']), body);
    },

    validateResponse(operationId, response) {
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
    },

    validateSchema: (name, value) => run(validatorAt(['components', 'schemas', name]), value),
  };
}

const invalid = (detail: string, pointer = ''): Validation => ({ valid: false, errors: [{ pointer, detail }] });

/** Ajv's errors as the contract's field errors: a JSON Pointer to the field and what is wrong with it. */
function toFieldErrors(errors: ErrorObject[], { maxFieldErrors, maxPointerLength }: { maxFieldErrors: number; maxPointerLength: number }): FieldError[] {
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  for (const error of errors) {
    if (fieldErrors.length === maxFieldErrors) break;
    const fieldError = withinPointerLimit(toFieldError(error), maxPointerLength);
    const key = `${fieldError.pointer} ${fieldError.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fieldErrors.push(fieldError);
  }
  return fieldErrors;
}

/** A field error whose pointer is too long to send, moved up to the nearest object it can point to. */
function withinPointerLimit(fieldError: FieldError, maxPointerLength: number): FieldError {
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
