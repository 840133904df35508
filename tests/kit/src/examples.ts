// The contract's examples and schemas as the tests read their expectations from them, so that the tests follow the
// contract when it changes.
import { deref } from '@beeper-setup/contract';
import { contractDocument } from '@beeper-setup/validator';

type Json = Record<string, any>;

interface Schema {
  description: string;
  pattern: string;
  properties: Record<string, Schema>;
}

const document = contractDocument as { components: { schemas: Record<string, Schema>; examples: Record<string, { value: unknown }> }; paths: Json };

/** The contract's named schemas, as written in the bundle. */
export const schemas = document.components.schemas;

/** The names of the contract's shared examples (`components.examples`). */
export const exampleNames = Object.keys(document.components.examples);

/** A copy of the value of one of the contract's shared examples, such as `StateReady`; an unknown name throws. */
export function example(name: string): any {
  const found = document.components.examples[name];
  if (!found) throw new Error(`The contract has no example ${name}.`);
  return structuredClone(found.value);
}

/** A copy of a named example of an operation's JSON response, such as completeSignIn's 200 `registration-required`. */
export function operationExample(path: string, method: string, status: number, name: string): any {
  const response = deref(contractDocument, document.paths[path]?.[method]?.responses?.[status]);
  const found = response?.content?.['application/json']?.examples?.[name];
  if (!found) throw new Error(`The contract has no example ${name} of ${method.toUpperCase()} ${path} ${status}.`);
  return structuredClone(deref(contractDocument, found).value);
}

/** The rows of the markdown table in a schema's description, as lists of cells. */
export function descriptionTable(schemaName: string): string[][] {
  const schema = schemas[schemaName];
  if (!schema) throw new Error(`The contract has no schema ${schemaName}.`);
  return schema.description
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The `backticked` words of a table cell. */
export const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
