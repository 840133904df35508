// Every operation of the contract as the tests call it: its request, its first request example, its named answers.
import { deref as derefIn, operationTable, type OperationId } from '@beeper-setup/contract';
import { contractDocument } from '@beeper-setup/validator';

type Json = Record<string, any>;

const deref = (node: unknown): any => derefIn(contractDocument, node);

/** The verification ID the tests fill into a path; no simulator knows it. */
export const sampleVerificationID = 'vrf_01JBX3Q4Z8';
/** An access token for servers that take any (the mock); no simulator knows it. */
export const sampleToken = 'test-token';

export interface NamedExample {
  status: number;
  name: string;
  value: unknown;
}

export interface OperationUnderTest {
  id: OperationId;
  method: 'GET' | 'POST';
  /** The contract's path, such as `/v1/app/setup/verifications/{verificationID}/accept`. */
  template: string;
  /** The path with its parameters filled in (`sampleVerificationID`). */
  path: string;
  auth: 'none' | 'optional' | 'required';
  takesBody: 'none' | 'optional' | 'required';
  /** The contract's first request example, when the operation takes a body. */
  requestExample: Json | undefined;
  requestSchema: { required?: string[]; properties: Record<string, Json> } | undefined;
  successStatus: number;
  /** Every named example of every answer the operation declares. */
  examples: NamedExample[];
}

function firstExample(media: Json | undefined): Json | undefined {
  const [first] = Object.values(media?.examples ?? {});
  return first ? deref(first).value : undefined;
}

/** Every operation of the contract, in the order of the operation table. */
export const operationsUnderTest: OperationUnderTest[] = (Object.keys(operationTable) as OperationId[]).map((id) => {
  const { method, path, auth, body } = operationTable[id];
  const operation = (contractDocument as Json).paths[path][method] as Json;
  const requestMedia = operation.requestBody ? deref(operation.requestBody).content['application/json'] : undefined;
  const statuses = Object.keys(operation.responses).map(Number);
  const examples = statuses.flatMap((status) =>
    Object.values<Json>(deref(operation.responses[status]).content ?? {}).flatMap((media) =>
      Object.entries(media.examples ?? {}).map(([name, example]) => ({ status, name, value: deref(example).value })),
    ),
  );
  return {
    id,
    method: method.toUpperCase() as 'GET' | 'POST',
    template: path,
    path: path.replace('{verificationID}', sampleVerificationID),
    auth,
    takesBody: body,
    requestExample: firstExample(requestMedia),
    requestSchema: requestMedia ? deref(requestMedia.schema) : undefined,
    successStatus: statuses.find((status) => status >= 200 && status < 300)!,
    examples,
  };
});

/** A body the contract rejects, and the field that makes it wrong; `undefined` for an operation that takes none. */
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
