// The fixed port of a dev server: forwards each connection to the process that serves now, so a new process takes
// over without the port ever closing. While none serves (a handover), new connections wait instead of failing.
import { once } from 'node:events';
import { connect, createServer } from 'node:net';

export async function startFrontDoor({ host, port }) {
  let target;
  let waiting = [];
  const sockets = new Set();
  const forward = (socket) => {
    const upstream = connect(target.port, target.hostname);
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.once('error', end).once('close', end);
    upstream.once('error', end).once('close', end);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (target) forward(socket);
    else waiting.push(socket);
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    url: `http://${host}:${server.address().port}`,
    /** New connections wait until `point` names the next server. */
    hold() {
      target = undefined;
    },
    /** Sends new connections, and those waiting, to the server at `url`. */
    point(url) {
      target = new URL(url);
      const ready = waiting;
      waiting = [];
      for (const socket of ready) if (!socket.destroyed) forward(socket);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
