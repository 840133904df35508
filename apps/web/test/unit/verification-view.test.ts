import { renderSVG } from 'uqr';
import { describe, expect, it } from 'vitest';
import { screenWaitsOnServer } from '../../src/view/polls.js';
import { qrImageUrl } from '../../src/view/qr-image.js';
import { sasEmojis } from '../../src/view/sas-emojis.js';
import { verificationExample } from './contract-examples.js';

describe('sasEmojis', () => {
  it('names each of the seven emojis as the Matrix specification does', () => {
    expect(sasEmojis('🐶 🔑 ☁️ 👍 🎅 🐢 📌')).toEqual([
      { emoji: '🐶', name: 'Dog' },
      { emoji: '🔑', name: 'Key' },
      { emoji: '☁️', name: 'Cloud' },
      { emoji: '👍', name: 'Thumbs Up' },
      { emoji: '🎅', name: 'Santa' },
      { emoji: '🐢', name: 'Turtle' },
      { emoji: '📌', name: 'Pin' },
    ]);
  });

  it("names every emoji of the contract's example", () => {
    const { sas } = verificationExample('VerificationSasReady');
    const emojis = sasEmojis(sas!.emojis);
    expect(emojis).toHaveLength(7);
    expect(emojis.every(({ name }) => name !== '')).toBe(true);
  });

  it('leaves an emoji outside the list unnamed', () => {
    expect(sasEmojis('🦀')).toEqual([{ emoji: '🦀', name: '' }]);
  });
});

describe('qrImageUrl', () => {
  it("draws the payload's decoded bytes, not its base64 text, as an SVG data URL", () => {
    const data = verificationExample('VerificationReady').qr!.data;
    const url = qrImageUrl(data);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    const svg = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
    const bytes = Array.from(Buffer.from(data, 'base64'));
    expect(svg).toBe(renderSVG(bytes, { border: 2 }));
    expect(svg).not.toBe(renderSVG(data, { border: 2 }));
  });
});

describe('screenWaitsOnServer', () => {
  const verification = verificationExample('VerificationReady');

  it('polls while a step waits on the server or the other device', () => {
    expect(screenWaitsOnServer({ name: 'waiting', until: 'initialized' })).toBe(true);
    expect(screenWaitsOnServer({ name: 'waiting-for-other-device', verification })).toBe(true);
    expect(screenWaitsOnServer({ name: 'choose-method', verification })).toBe(true);
    expect(screenWaitsOnServer({ name: 'verify-device', withOtherDevice: true, stopped: undefined, incoming: undefined })).toBe(true);
    expect(screenWaitsOnServer({ name: 'verify-device', withOtherDevice: true, stopped: undefined, incoming: verificationExample('VerificationIncomingRequested') })).toBe(true);
  });

  it('does not poll while the person types or reads', () => {
    expect(screenWaitsOnServer({ name: 'sign-in-email' })).toBe(false);
    expect(screenWaitsOnServer({ name: 'save-recovery-key', recoveryKey: 'key' })).toBe(false);
    expect(screenWaitsOnServer({ name: 'verify-device', withOtherDevice: false, stopped: undefined, incoming: undefined })).toBe(false);
    expect(screenWaitsOnServer({ name: 'done' })).toBe(false);
  });
});
