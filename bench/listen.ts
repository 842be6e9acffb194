import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureServer } from '../scripts/drive/fixture-server';

/** Starts a generated bench site's server on a free loopback port, as the fixture server is used. */
export async function listenLoopback(server: Server): Promise<FixtureServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p: string) => new URL(p, `${origin}/`).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
