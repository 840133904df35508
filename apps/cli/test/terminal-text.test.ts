// terminalText on its own: every way a string can drive a terminal is removed, and the text around it is kept.
import { expect, it } from 'vitest';
import { terminalText } from '../src/terminal-text.js';

it.each([
  ['OSC ended by BEL (window title)', 'a\u001b]0;pwned title\u0007b', 'ab'],
  ['OSC ended by ST (hyperlink)', '\u001b]8;;http://evil.example/x y\u001b\\link\u001b]8;;\u001b\\', 'link'],
  ['OSC never ended', 'a\u001b]0;rest of the line', 'a'],
  ['CSI (clear screen, colour)', '\u001b[2J\u001b[1;31mred\u001b[0m', 'red'],
  ['CSI in its 8-bit form', '\u009b31mred', 'red'],
  ['DCS and APC strings', '\u001bPq#0;2;0;0;0\u001b\\a\u001b_payload\u001b\\b', 'ab'],
  ['other escapes (charset, keypad)', '\u001b(0x\u001b=y', 'xy'],
  ['a lone ESC at the end', 'x\u001b', 'x'],
  ['carriage return, backspace, BEL, NUL, DEL', 'ok\rfake\b\u0007\u0000\u007f!', 'okfake!'],
  ['C1 controls', 'a\u0085b\u008dc\u009cd', 'abcd'],
  ['bidi overrides and isolates', 'user\u202eexe.txt\u2066x\u2069\u200f', 'userexe.txtx'],
])('removes %s', (_, text, shown) => {
  expect(terminalText(text)).toBe(shown);
});

it('keeps line feeds, tabs and any printable character', () => {
  const text = 'Compare:\n\t🐶 Dog  🔑 Key\nrésumé, ключ, 中文, ✔ ✗ ▪';
  expect(terminalText(text)).toBe(text);
});
