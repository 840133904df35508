// Walks the bundled contract for the tests: every operation, its example request and its named examples.
import { deref as derefIn, operationTable, type OperationId } from '@beeper-setup/contract';
import { contractDocument } from '@beeper-setup/validator';

type Json = Record<string, any>;

const deref = (node: unknown): Json => derefIn(contractDocument, node);

export const sampleVerificationID = 'vrf_01JBX3Q4Z8';
export const sampleToken = 'test-token';

export interface NamedExample {
  status: number;
  name: string;
  value: unknown;
}

export interface OperationUnderTest {
  id: OperationId;
  method: 'GET' | 'POST';
  /** The path with its parameters filled in. */
  url: string;
  auth: 'none' | 'optional' | 'required';
  /** The contract's first request example, when the operation takes a body. */
  requestExample: Json | undefined;
  requestSchema: Json | undefined;
  successStatus: number;
  examples: NamedExample[];
}

function firstExample(media: Json | undefined): Json | undefined {
  const first = Object.values(media?.examples ?? {})[0] as Json | undefined;
  return first ? deref(first).value : undefined;
}

export const operationsUnderTest: OperationUnderTest[] = (Object.keys(operationTable) as OperationId[]).map((id) => {
  const { method, path, auth } = operationTable[id];
  const operation = (contractDocument as Json).paths[path][method] as Json;
  const requestMedia = operation.requestBody ? deref(operation.requestBody).content['application/json'] : undefined;
  const statuses = Object.keys(operation.responses).map(Number);
  const examples = statuses.flatMap((status) =>
    Object.values(deref(operation.responses[status]).content ?? {}).flatMap((media: any) =>
      Object.entries(media.examples ?? {}).map(([name, example]) => ({ status, name, value: deref(example as Json).value })),
    ),
  );
  return {
    id,
    method: method.toUpperCase() as 'GET' | 'POST',
    url: path.replace('{verificationID}', sampleVerificationID),
    auth,
    requestExample: firstExample(requestMedia),
    requestSchema: requestMedia ? deref(requestMedia.schema) : undefined,
    successStatus: statuses.find((status) => status >= 200 && status < 300)!,
    examples,
  };
});

/** A body the contract rejects, and the field that makes it wrong. */
export function invalidBodyFor(operation: OperationUnderTest): { body: Json; field: string } | undefined {
  const schema = operation.requestSchema;
  if (!schema) return undefined;
  const [required] = schema.required ?? [];
  if (required) {
    const body = { ...operation.requestExample };
    delete body[required];
    return { body, field: required };
  }
  const [field] = Object.keys(schema.properties);
  return { body: { [field!]: 12345 }, field: field! };
}
