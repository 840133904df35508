// Every operation of the contract, and of the simulator's control API, as the tests call it: its request, its first
// request example, its named answers.
import { deref, operationTable, type OperationId } from '@beeper-setup/contract';
import { controlOperationTable, type ControlOperationId } from '@beeper-setup/contract/control';
import { controlDocument } from '@beeper-setup/contract/control/document';
import { contractDocument } from '@beeper-setup/validator';

type Json = Record<string, any>;

/** The verification ID the tests fill into a path; no simulator knows it. */
export const sampleVerificationID = 'vrf_01JBX3Q4Z8';
/** The device ID the tests fill into a control API path; no simulator knows it. */
export const sampleDeviceID = 'BDSKTOPX7Q2';
/** An access token for servers that take any (the mock); no simulator knows it. */
export const sampleToken = 'test-token';

export interface NamedExample {
  status: number;
  name: string;
  value: unknown;
}

export interface OperationUnderTest<Id extends string = OperationId> {
  id: Id;
  method: 'GET' | 'POST';
  /** The contract's path, such as `/v1/app/setup/verifications/{verificationID}/accept`. */
  template: string;
  /** The path with its parameters filled in (`sampleVerificationID`, `sampleDeviceID`). */
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

function firstExample(document: Json, media: Json | undefined): Json | undefined {
  const [first] = Object.values(media?.examples ?? {});
  return first ? deref(document, first).value : undefined;
}

/** Every operation of a contract's document, in the order of its operation table. */
function operationsOf<Id extends string>(document: Json, table: Record<Id, { method: string; path: string; auth: OperationUnderTest['auth']; body: OperationUnderTest['takesBody'] }>): OperationUnderTest<Id>[] {
  return (Object.keys(table) as Id[]).map((id) => {
    const { method, path, auth, body } = table[id];
    const operation = document.paths[path][method] as Json;
    const requestMedia = operation.requestBody ? deref(document, operation.requestBody).content['application/json'] : undefined;
    const statuses = Object.keys(operation.responses).map(Number);
    const examples = statuses.flatMap((status) =>
      Object.values<Json>(deref(document, operation.responses[status]).content ?? {}).flatMap((media) =>
        Object.entries(media.examples ?? {}).map(([name, example]) => ({ status, name, value: deref(document, example).value })),
      ),
    );
    return {
      id,
      method: method.toUpperCase() as 'GET' | 'POST',
      template: path,
      path: path.replace('{verificationID}', sampleVerificationID).replace('{deviceID}', sampleDeviceID),
      auth,
      takesBody: body,
      requestExample: firstExample(document, requestMedia),
      requestSchema: requestMedia ? deref(document, requestMedia.schema) : undefined,
      successStatus: statuses.find((status) => status >= 200 && status < 300)!,
      examples,
    };
  });
}

/** Every operation of the contract, in the order of the operation table. */
export const operationsUnderTest = operationsOf<OperationId>(contractDocument, operationTable);

/** Every operation of the simulator's control API, in the order of its operation table. */
export const controlOperationsUnderTest = operationsOf<ControlOperationId>(controlDocument, controlOperationTable);

/** A body the contract rejects, and the field that makes it wrong; `undefined` for an operation that takes none. */
export function invalidBodyFor(operation: OperationUnderTest<string>): { body: Json; field: string } | undefined {
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
