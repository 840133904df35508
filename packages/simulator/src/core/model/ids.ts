import { randomText } from '../security/random.js';

// Identifiers: unique and unguessable enough not to collide, but not secret (they appear in URLs and logs).

/** Letters and digits that cannot be mistaken for one another (Crockford's base 32). */
const idAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const newSetupRequestID = () => `sr_${randomText(10, idAlphabet)}`;
export const newVerificationID = () => `vrf_${randomText(10, idAlphabet)}`;
export const newDeviceID = () => `SIM${randomText(8, idAlphabet)}`;
