import { useState } from 'preact/hooks';
import type { WizardActions } from '../use-wizard.js';
import { Field } from './Field.js';
import { submitted } from './submitted.js';

/** The other way round from showing this device's code: this device "scans" the other's, pasted as text. */
export function ScanQrCodeData({ actions }: { actions: WizardActions }) {
  const [data, setData] = useState('');
  return (
    <form onSubmit={submitted(() => actions.scanQrCode(data.trim()))}>
      <Field label="QR code data from the other device" required maxLength={2048} autocomplete="off" value={data} onValue={setData} />
      <button type="submit" class="secondary">
        Scan QR code data
      </button>
    </form>
  );
}
