import { nextStep } from '@beeper-setup/client/flow';
import type { Context } from '../context.js';
import { checklist, describeNextStep } from '../describe.js';
import { readSetupState } from '../session.js';

export async function status(context: Context, { json }: { json?: boolean }): Promise<void> {
  const session = await readSetupState(context);
  if (json) return context.output.print(JSON.stringify(session, null, 2));
  context.output.print([`State: ${session.state}`, '', ...checklist(session), '', `Next: ${describeNextStep(nextStep(session))}`].join('\n'));
}
