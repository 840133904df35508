import { startListeningCommand, type ListeningCommand } from './listening-command.js';

/** Starts the consumer's installed `beeper-setup-web` on a free port (it listens on 127.0.0.1 only), forwarding to `target`. */
export function startPackedWebServer(project: string, target: string): Promise<ListeningCommand> {
  return startListeningCommand(project, 'beeper-setup-web', ['--port', '0', '--target', target], /open (http:\/\/\S+) to set up a device/);
}
