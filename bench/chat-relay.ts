import { createServer, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

// The chat benchmark's baseline: a bare WebSocket relay with no storage and no authentication.
// A socket joins with `?pair=<n>&side=y|c` and every text frame it sends is forwarded, as it is, to
// the other socket of its pair. It runs in the benchmark's process, where Lantern runs for the
// stored run, so both are measured in the same kind of process by the same client harness.

export interface Relay {
  port: number;
  close(): Promise<void>;
}

export async function startRelay(): Promise<Relay> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server });
  const pairs = new Map<string, { y?: WebSocket; c?: WebSocket }>();
  wss.on('connection', (socket, request) => {
    const query = new URL(request.url ?? '/', 'http://relay').searchParams;
    const pair = query.get('pair') ?? '';
    const side = query.get('side') === 'c' ? 'c' : 'y';
    const other = side === 'y' ? 'c' : 'y';
    const sockets = pairs.get(pair) ?? {};
    sockets[side] = socket;
    pairs.set(pair, sockets);
    socket.on('message', (data, isBinary) => {
      const to = sockets[other];
      if (to && to.readyState === to.OPEN) to.send(data, { binary: isBinary });
    });
    socket.on('close', () => {
      if (sockets[side] === socket) delete sockets[side];
      if (!sockets.y && !sockets.c) pairs.delete(pair);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => server.close(() => resolve()));
      }),
  };
}
