import type { Exchange } from './transport.js';

/** What a call did, as the app sees it. */
export interface RecordedExchange {
  method: string;
  /** The contract's path template, so that IDs in the path do not count. */
  path: string;
  status: number;
  /** The media type the answer declares, parameters included. */
  contentType: string | null;
  body: unknown;
}

export async function recordedExchange({ request, schemaPath, response }: Exchange): Promise<RecordedExchange> {
  const text = await response.clone().text();
  return {
    method: request.method,
    path: schemaPath,
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: text === '' ? undefined : JSON.parse(text),
  };
}
