/**
 * Text as a terminal shows it, and nothing a terminal would obey: what a server sends could otherwise retitle the
 * window (OSC), clear the screen (CSI), hide text (carriage return, backspace) or reorder it (bidi overrides).
 */

// Whole ECMA-48 sequences first, so that no payload is left behind as stray text: control strings (OSC, DCS, SOS,
// PM, APC) up to their terminator (BEL or ST) or the end; CSI with its parameters; any other escape and its final byte.
const controlString = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const controlSequence = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
const escape = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// Then every control character left, whatever precedes it; line feeds and tabs are the text's own.
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(controlString, '').replace(controlSequence, '').replace(escape, '').replace(control, '');
}
