import { randomBytes } from 'node:crypto';
import { startListeningCommand, type ListeningCommand } from './listening-command.js';

export interface PackedSimulator extends ListeningCommand {
  controlToken: string;
}

/** Starts the consumer's installed `beeper-setup-sim` on a free loopback port; resolves once it listens. */
export async function startPackedSimulator(project: string): Promise<PackedSimulator> {
  const controlToken = randomBytes(24).toString('hex');
  const args = ['--host', '127.0.0.1', '--port', '0', '--quiet', '--control-token', controlToken];
  return { ...(await startListeningCommand(project, 'beeper-setup-sim', args, /listening on (http:\/\/\S+)/)), controlToken };
}
