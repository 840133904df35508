/** How a request reaches the simulator: the global `fetch`, or one that answers in process (`createSimulator().fetch`). */
export type FetchFunction = (request: Request) => Promise<Response>;

/** The global `fetch`, looked up at each call rather than once: MSW replaces it when its server starts listening. */
export const globalFetch: FetchFunction = (request) => fetch(request);
