import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { AddressPolicy } from './address-policy.ts';

/** A connection refused by the address policy (never opened). */
export class AddressRefused extends Error {
  constructor() {
    super('the address is not allowed for outbound requests');
    this.name = 'AddressRefused';
  }
}

/** How names are resolved (node:dns unless a test gives its own). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

/**
 * A dispatcher that connects only where `policy` allows, checked at connect time, after
 * resolution: every address a name resolves to is filtered before one is chosen (so a name
 * that points at 169.254.169.254, or is rebound to it between two requests, is never
 * reached), a literal address is checked as it is, and the socket's peer once more.
 */
export function safeDispatcher(
  policy: AddressPolicy,
  options: { connectTimeoutMs?: number; resolve?: Resolve; ca?: string | undefined } = {},
): Dispatcher {
  const resolve = options.resolve ?? systemResolve;
  const lookup: LookupFunction = (hostname, opts, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const ok = addresses.filter((a) => policy.allows(a.address));
        if (ok.length === 0) return callback(new AddressRefused(), '', 0);
        if ((opts as { all?: boolean }).all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
        callback(null, ok[0]!.address, ok[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
  const connector = buildConnector({
    timeout: options.connectTimeoutMs ?? 1000,
    lookup,
    ...(options.ca ? { ca: options.ca } : {}),
  } as buildConnector.BuildOptions);
  return new Agent({
    connect(opts, callback) {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !policy.allows(host)) return callback(new AddressRefused(), null);
      connector(opts, (err, socket) => {
        if (err || !socket) return callback(err ?? new Error('no socket'), null);
        if (!policy.allows(socket.remoteAddress ?? '')) {
          socket.destroy();
          return callback(new AddressRefused(), null);
        }
        callback(null, socket);
      });
    },
  });
}

/** The largest key set read: a key set is a few kilobytes; an endless answer is not read on. */
const MAX_BODY = 256 * 1024;

/**
 * A fetch for jose's remote key sets, through `dispatcher`: jose asks with `redirect: 'manual'`
 * (a redirect is not followed, so it cannot lead elsewhere) and a time-out signal.
 */
export function keySetFetch(
  dispatcher: Dispatcher,
): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    const res = await undiciFetch(url, {
      ...(init as object),
      redirect: 'manual',
      dispatcher,
    } as Parameters<typeof undiciFetch>[1]);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY) throw new Error('key set too large');
    const reader = res.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > MAX_BODY) {
        await reader.cancel();
        throw new Error('key set too large');
      }
      chunks.push(r.value);
    }
    return new Response(Buffer.concat(chunks), {
      status: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
    });
  };
}
