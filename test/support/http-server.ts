import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';

/** Serves `fetch` over a real socket on a free port for one describe block. */
export function useHttpServer(fetch: () => (req: Request) => Response | Promise<Response>): {
  readonly url: string;
} {
  let server: ServerType | undefined;
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: (req) => fetch()(req), port: 0, hostname: '127.0.0.1' }, () =>
        resolve(),
      );
    });
    url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });
  afterAll(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );
  return {
    get url() {
      return url;
    },
  };
}
