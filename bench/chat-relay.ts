import { createServer, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

// The chat benchmark's baseline: a bare WebSocket relay with no storage and no authentication
// (and, with `store`, the same relay storing each frame in the database before forwarding it).
// A socket joins with `?pair=<n>&side=y|c` and every text frame it sends is forwarded, as it is, to
// the other socket of its pair. It runs in the benchmark's process, where Lantern runs for the
// stored run, so both are measured in the same kind of process by the same client harness.

export interface Relay {
  port: number;
  close(): Promise<void>;
}

/**
 * Stores one relayed frame (its pair, side and text) before it is forwarded; resolves once stored.
 * With it the relay is the floor for any server that stores each message before delivering it.
 */
export type StoreFrame = (frame: { pair: number; side: 'y' | 'c'; body: string }) => Promise<unknown>;

export async function startRelay(options: { store?: StoreFrame } = {}): Promise<Relay> {
  const { store } = options;
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
    const forward = (data: WebSocket.RawData, isBinary: boolean) => {
      const to = sockets[other];
      if (to && to.readyState === to.OPEN) to.send(data, { binary: isBinary });
    };
    // Frames are forwarded in the order they came, each once it (and every earlier one) is stored.
    let previous: Promise<unknown> = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      if (!store) return forward(data, isBinary);
      const stored = store({ pair: Number(pair), side, body: data.toString() });
      previous = Promise.all([previous, stored]).then(
        () => forward(data, isBinary),
        () => socket.close(1011, 'not stored'),
      );
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
