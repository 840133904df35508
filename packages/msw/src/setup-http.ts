import { createOpenApiHttp, type OpenApiHttpHandlers } from 'openapi-msw';
import type { paths } from '@beeper-setup/contract';
import { defaultBaseUrl, originOf } from './base-url.js';

/** MSW's `http`, typed by the contract: only its paths, its request bodies, and its responses for each status. */
export type SetupHttp = OpenApiHttpHandlers<paths>;

/** A typed `http` for an app that calls the setup API at the origin `baseUrl`. */
export function setupHttp(baseUrl: string = defaultBaseUrl): SetupHttp {
  return createOpenApiHttp<paths>({ baseUrl: originOf(baseUrl) });
}

/** The typed `http` for the default base URL, `http://localhost:23373`. */
export const http: SetupHttp = setupHttp();
