/** The value, if it is a whole number of at least `minimum`; otherwise a TypeError that names the option. */
export function checkedNumber(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw new TypeError(`${name} must be a whole number of at least ${minimum}; got ${value}.`);
  return value;
}
