import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { schemas } from '@beeper-setup/testing-kit';
import { digestOfRecoveryKey, newRecoveryKey, recoveryKeyMatches } from '../src/core/rules/recovery-key-format.js';
import { isSasEmoji, newShortAuthenticationString } from '../src/core/rules/sas.js';
import { base64, base64url, constantTimeEqual, fromBase64url } from '../src/core/security/bytes.js';
import { randomInt } from '../src/core/security/random.js';
import { digestOf, matchesDigest, newSignInCode } from '../src/core/security/secrets.js';
import { suggestUsernames, usernameProblem } from '../src/core/rules/usernames.js';

const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58Bytes(text: string): Buffer {
  const value = [...text].reduce((sum, character) => sum * 58n + BigInt(base58Alphabet.indexOf(character)), 0n);
  return Buffer.from(value.toString(16).padStart(70, '0'), 'hex');
}

describe('recovery keys', () => {
  const keys = Array.from({ length: 200 }, newRecoveryKey);

  it('match the contract’s pattern: twelve groups of four base58 characters', () => {
    const pattern = new RegExp(schemas.GeneratedRecoveryKey!.pattern);
    for (const key of keys) expect(key).toMatch(pattern);
  });

  it('are Matrix recovery keys: prefix 0x8B 0x01, 32 key bytes, and a parity byte that makes the XOR zero', () => {
    for (const key of keys) {
      const bytes = base58Bytes(key.replaceAll(' ', ''));
      expect(bytes).toHaveLength(35);
      expect([...bytes.subarray(0, 2)]).toEqual([0x8b, 0x01]);
      expect(bytes.reduce((xor, byte) => xor ^ byte, 0)).toBe(0);
    }
  });

  it('are all different', () => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['as shown', (key: string) => key],
    ['without spaces', (key: string) => key.replaceAll(' ', '')],
    ['with newlines, tabs and extra spaces', (key: string) => ` ${key.replaceAll(' ', '\n\t  ')} `],
  ])('match %s', (_, typed) => {
    const [key] = keys as [string];
    expect(recoveryKeyMatches(typed(key), digestOfRecoveryKey(key))).toBe(true);
  });

  it.each([
    ['another key', keys[1]!],
    ['one character changed', `${keys[0]!.slice(0, -1)}${keys[0]!.endsWith('1') ? '2' : '1'}`],
    ['a prefix', keys[0]!.slice(0, 20)],
    ['lower case', keys[0]!.toLowerCase()],
  ])('do not match %s', (_, typed) => {
    expect(recoveryKeyMatches(typed, digestOfRecoveryKey(keys[0]!))).toBe(false);
  });
});

describe('secrets', () => {
  it('match their own digest only, whatever the length of the guess', () => {
    expect(matchesDigest('482913', digestOf('482913'))).toBe(true);
    for (const guess of ['', '48291', '4829130', '482914', 'x'.repeat(10_000)]) expect(matchesDigest(guess, digestOf('482913'))).toBe(false);
  });

  it('do not match a digest of the wrong length', () => {
    expect(matchesDigest('482913', 'short')).toBe(false);
  });

  it('are digested with SHA-256 exactly as node:crypto digests them, across block boundaries and in any script', () => {
    const messages = [...Array.from({ length: 200 }, (_, length) => 'ab€'.repeat(length).slice(0, length)), '🐶'.repeat(5000)];
    for (const message of messages) expect(digestOf(message)).toBe(createHash('sha256').update(message).digest('base64url'));
  });

  it('encode bytes in base64 and base64url exactly as Node does, and decode base64url back', () => {
    for (let length = 0; length < 100; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) & 255);
      expect([base64(bytes), base64url(bytes)]).toEqual([Buffer.from(bytes).toString('base64'), Buffer.from(bytes).toString('base64url')]);
      expect(fromBase64url(base64url(bytes))).toEqual(bytes);
    }
    expect(fromBase64url('not base64!')).toBeUndefined();
  });

  it('compare bytes equal only when every byte and the length are equal', () => {
    const bytes = Uint8Array.from([1, 2, 3]);
    expect(constantTimeEqual(bytes, Uint8Array.from([1, 2, 3]))).toBe(true);
    for (const other of [[1, 2], [1, 2, 3, 0], [0, 2, 3], [1, 2, 4]]) expect(constantTimeEqual(bytes, Uint8Array.from(other))).toBe(false);
  });

  it('draw random whole numbers below the bound, each of them', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => randomInt(7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('make six-digit sign-in codes', () => {
    for (let i = 0; i < 200; i++) expect(newSignInCode()).toMatch(/^\d{6}$/);
  });
});

describe('short authentication strings', () => {
  it.each([
    ['all zero bits', Buffer.alloc(6, 0), '🐶 🐶 🐶 🐶 🐶 🐶 🐶', '1000 1000 1000'],
    ['all one bits', Buffer.alloc(6, 0xff), '📌 📌 📌 📌 📌 📌 📌', '9191 9191 9191'],
    // 0b000001 000010 000011 ... picks emoji 1, 2, 3, ...
    ['counting bits', Buffer.from([0x04, 0x20, 0xc4, 0x14, 0x61, 0xc0]), '🐱 🦁 🐎 🦄 🐷 🐘 🐰', '1132 1784 3608'],
  ])('are computed from the bytes as Matrix does: %s', (_, bytes, emojis, decimals) => {
    expect(newShortAuthenticationString(bytes)).toEqual({ emojis, decimals });
  });

  it('are seven SAS emoji separated by single spaces, and three numbers from 1000 to 9191', () => {
    for (let i = 0; i < 200; i++) {
      const { emojis, decimals } = newShortAuthenticationString();
      const emojiList = emojis.split(' ');
      expect(emojiList).toHaveLength(7);
      expect(emojiList.every(isSasEmoji)).toBe(true);
      expect(decimals).toMatch(new RegExp(schemas.Verification!.properties.sas!.properties.decimals!.pattern));
      for (const number of decimals!.split(' ').map(Number)) expect(number).toBeGreaterThanOrEqual(1000), expect(number).toBeLessThanOrEqual(9191);
    }
  });
});

describe('usernames', () => {
  it.each([
    ['alice.smith+news@example.com', [], ['alice.smith', 'alicesmith', 'alice.smith1']],
    ['alice@example.com', ['alice'], ['alice1', 'alice2', 'alice3']],
    ['Alice@example.com', ['alice', 'alice1'], ['alice2', 'alice3', 'alice4']],
    ['Zoë Ünal@example.com', [], ['zonal', 'zonal1', 'zonal2']],
    ['!!!@example.com', [], ['user', 'user1', 'user2']],
  ])('suggests free usernames for %s (taken: %j)', (email, taken, suggestions) => {
    expect(suggestUsernames(email, (username) => taken.includes(username))).toEqual(suggestions);
  });

  it.each([
    ['alice', undefined],
    ['alice.smith_2=x-y/z', undefined],
    ['Alice', 'may contain only lower-case letters, digits and . _ = - /'],
    ['al ice', 'may contain only lower-case letters, digits and . _ = - /'],
    ['a'.repeat(65), 'must be at most 64 characters'],
  ])('checks %s as a Matrix localpart', (username, problem) => {
    expect(usernameProblem(username)).toBe(problem);
  });
});
