import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` when there is no body. */
  body: any;
}

/** A request exactly as given (the path is not normalized), for what a typed client would never send. */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  { body, accessToken, headers = {} }: { body?: string | undefined; accessToken?: string | undefined; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const sent: Record<string, string | number> = { ...headers };
  if (body !== undefined) Object.assign(sent, { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(body) });
  if (accessToken !== undefined) sent.authorization = `Bearer ${accessToken}`;
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers: sent }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) for (const each of [value ?? []].flat()) received.append(name, each);
        resolve({ status: incoming.statusCode!, headers: received, body: text ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
