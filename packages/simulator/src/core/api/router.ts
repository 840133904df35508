export interface Route {
  /** Upper case, as Node reports it. */
  method: string;
  /** A path with `{name}` parameters, as the contract writes them. */
  template: string;
}

export interface RouteMatch<R extends Route> {
  route: R;
  params: Record<string, string>;
}

/** Finds the route of a method and path, with the path's parameters. */
export type FindRoute<R extends Route> = (method: string, path: string) => RouteMatch<R> | undefined;

/**
 * Matches a method and path against path templates, segment by segment. Where two templates could both
 * match, the one with fewer parameters wins, whatever the order of the routes: `/a/literal` before `/a/{id}`.
 */
export function createRouter<R extends Route>(routes: R[]): FindRoute<R> {
  const compiled = routes
    .map((route) => ({ route, paramsOf: templateMatcher(route.template), parameterCount: route.template.split('{').length - 1 }))
    .sort((a, b) => a.parameterCount - b.parameterCount);

  return (method, path) => {
    for (const { route, paramsOf } of compiled) {
      if (route.method !== method) continue;
      const params = paramsOf(path);
      if (params) return { route, params };
    }
    return undefined;
  };
}

type Segment = { literal: string } | { parameter: string };

/** The parameters of a path that matches the template (each decoded), or `undefined` when it does not match. */
function templateMatcher(template: string): (path: string) => Record<string, string> | undefined {
  const segments = template.split('/').map(toSegment);
  return (path) => {
    const parts = path.split('/');
    if (parts.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [i, segment] of segments.entries()) {
      const part = parts[i]!;
      if ('literal' in segment) {
        if (segment.literal !== part) return undefined;
      } else {
        if (part === '') return undefined;
        params[segment.parameter] = decodeSegment(part);
      }
    }
    return params;
  };
}

function toSegment(text: string): Segment {
  const parameter = /^\{(\w+)\}$/.exec(text)?.[1];
  return parameter ? { parameter } : { literal: text };
}

/** An undecodable segment is kept as sent: it names nothing, so the lookup that follows answers 404. */
function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
