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

/**
 * Matches a method and path against path templates, segment by segment. Where two templates could both
 * match, the one with fewer parameters wins, whatever the order of the routes: `/a/literal` before `/a/{id}`.
 */
export function createRouter<R extends Route>(routes: R[]): (method: string, path: string) => RouteMatch<R> | undefined {
  const compiled = routes
    .map((route) => ({ route, segments: route.template.split('/').map(toSegment) }))
    .sort((a, b) => parameterCount(a.segments) - parameterCount(b.segments));

  return (method, path) => {
    const parts = path.split('/');
    for (const { route, segments } of compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params = matchSegments(segments, parts);
      if (params) return { route, params };
    }
    return undefined;
  };
}

type Segment = { literal: string } | { parameter: string };

function toSegment(text: string): Segment {
  const parameter = /^\{(\w+)\}$/.exec(text)?.[1];
  return parameter ? { parameter } : { literal: text };
}

const parameterCount = (segments: Segment[]) => segments.filter((segment) => 'parameter' in segment).length;

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
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
}

/** An undecodable segment is kept as sent: it names nothing, so the lookup that follows answers 404. */
function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
