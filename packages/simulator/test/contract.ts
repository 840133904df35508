// The parts of the bundled contract that the tests read their expectations from.
import { deref, operationTable, type OperationId } from '@beeper-setup/contract';
import { contractDocument } from '@beeper-setup/validator';

interface Schema {
  description: string;
  pattern: string;
  properties: Record<string, Schema>;
}
const document = contractDocument as { components: { schemas: Record<string, Schema>; examples: Record<string, { value: any }> } };

export const schemas = document.components.schemas;

export function example(name: string): any {
  const found = document.components.examples[name];
  if (!found) throw new Error(`The contract has no example ${name}`);
  return structuredClone(found.value);
}

export const exampleNames = Object.keys(document.components.examples);

/** The rows of the markdown table in a schema's description, as lists of cells. */
export function descriptionTable(schemaName: string): string[][] {
  return schemas[schemaName]!.description.split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The `backticked` words of a table cell. */
export const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** A named example of an operation's response, such as completeSignIn's `registration-required`. */
export function operationExample(path: string, method: string, status: number, name: string): any {
  const content = (contractDocument as any).paths[path][method].responses[status].content;
  return structuredClone(content['application/json'].examples[name].value);
}

export interface OperationUnderTest {
  id: OperationId;
  method: 'GET' | 'POST';
  template: string;
  /** The path with a verification ID filled in. */
  path: string;
  auth: 'none' | 'optional' | 'required';
  takesBody: 'none' | 'optional' | 'required';
  /** The contract's first request example, for operations that take a body. */
  requestExample?: Record<string, unknown>;
  requestSchema?: { required?: string[]; properties: Record<string, unknown> };
}

/** Every operation of the contract, as the tests call it. */
export const operationsUnderTest: OperationUnderTest[] = (Object.keys(operationTable) as OperationId[]).map((id) => {
  const { method, path, auth, body } = operationTable[id];
  const requestBody = deref(contractDocument, (contractDocument as any).paths[path][method].requestBody);
  const media = requestBody?.content['application/json'];
  const firstExample = media && deref(contractDocument, Object.values(media.examples)[0]).value;
  return {
    id,
    method: method.toUpperCase() as 'GET' | 'POST',
    template: path,
    path: path.replace('{verificationID}', 'vrf_UNKNOWN'),
    auth,
    takesBody: body,
    ...(media && { requestExample: firstExample, requestSchema: deref(contractDocument, media.schema) }),
  };
});
