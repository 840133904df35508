import type { Verification } from '@beeper-setup/contract';
import { randomBytes } from '../security/random.js';

type ShortAuthenticationString = NonNullable<Verification['sas']>;

/** The 64 emoji of the Matrix SAS method, in the specification's order (index = 6-bit value). */
const sasEmoji = [
  '🐶', '🐱', '🦁', '🐎', '🦄', '🐷', '🐘', '🐰', '🐼', '🐓', '🐧', '🐢', '🐟', '🐙', '🦋', '🌷',
  '🌳', '🌵', '🍄', '🌏', '🌙', '☁️', '🔥', '🍌', '🍎', '🍓', '🌽', '🍕', '🎂', '❤️', '🙂', '🤖',
  '🎩', '👓', '🔧', '🎅', '👍', '☂️', '⌛', '⏰', '🎁', '💡', '📕', '✏️', '📎', '✂️', '🔒', '🔑',
  '🔨', '☎️', '🏁', '🚂', '🚲', '✈️', '🚀', '🏆', '⚽', '🎸', '🎺', '🔔', '⚓', '🎧', '📁', '📌',
];

/**
 * Seven emoji and three numbers to compare, computed from six bytes as the Matrix SAS method does
 * (seven 6-bit emoji indices; three 13-bit numbers plus 1000, so each is 1000–9191). Real devices
 * derive the bytes from their key agreement; the simulator has no other real device, so they are random.
 */
export function newShortAuthenticationString(bytes: Uint8Array = randomBytes(6)): ShortAuthenticationString {
  const bits = bytes.slice(0, 6).reduce((number, byte) => number * 256 + byte, 0);
  const emojis = Array.from({ length: 7 }, (_, i) => sasEmoji[Math.floor(bits / 2 ** (42 - 6 * i)) % 64]);
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0] = bytes;
  const decimals = [
    ((b0 << 5) | (b1 >> 3)) + 1000,
    (((b1 & 0x07) << 10) | (b2 << 2) | (b3 >> 6)) + 1000,
    (((b3 & 0x3f) << 7) | (b4 >> 1)) + 1000,
  ];
  return { emojis: emojis.join(' '), decimals: decimals.join(' ') };
}

export function isSasEmoji(emoji: string): boolean {
  return sasEmoji.includes(emoji);
}
