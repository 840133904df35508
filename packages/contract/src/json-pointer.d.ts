/** A property name as one reference token (RFC 6901): `~` as `~0`, `/` as `~1`. */
export declare function pointerToken(segment: string): string;

/** The reference tokens a local reference such as `#/components/responses/BadRequest` names, unescaped. */
export declare function pointerSegments(ref: string): string[];

/** The local reference naming these reference tokens, such as `#/paths/~1v1~1app~1setup/get` (RFC 6901, percent-encoded). */
export declare function pointerRef(segments: readonly string[]): string;

/** The value at these reference tokens, or `undefined` when there is none. */
export declare function valueAt(document: unknown, segments: readonly string[]): unknown;

/** Follows `$ref`s from the value at `segments` to the reference tokens of the value they end at. */
export declare function resolvedSegments(document: unknown, segments: readonly string[]): readonly string[];

/** `node`, or the value its chain of local `$ref`s (such as `#/components/responses/BadRequest`) ends at. */
export declare function deref(document: unknown, node: unknown): any;
