// What a handler of an operation receives and answers, as the generated `operations` type of its contract says.

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type OperationShape = { requestBody?: unknown; responses: unknown; parameters: unknown };

/** The request body as the contract types it, by what the operation table says the operation takes. */
export type RequestBodyOf<Operation extends OperationShape, Takes> = Takes extends 'required'
  ? JsonContent<Operation['requestBody']>
  : Takes extends 'optional'
    ? JsonContent<NonNullable<Operation['requestBody']>> | undefined
    : undefined;

/** The `200` body; nothing for an operation that answers `204`. */
export type SuccessBodyOf<Operation extends OperationShape> = Operation['responses'] extends { 200: infer Success } ? JsonContent<Success> : void;

/** The path's parameters by name (`{ deviceID: string }`); none for a path without any. */
export type PathParamsOf<Operation extends OperationShape> = Operation['parameters'] extends { path: infer Params extends object } ? Params : object;
