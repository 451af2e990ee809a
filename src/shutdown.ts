import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Runtime } from './runtime.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops the service without dropping a request: /readyz says not ready first (and, after
 * `delayMs`, the load balancer has stopped sending), the listener closes, idle keep-alive
 * connections are closed as they become idle, requests in flight finish (their checks wait
 * for their audit commit), and only then the database closes. After `timeoutMs` whatever is
 * still open is cut. Returns whether everything finished in time.
 */
export async function shutdownGracefully(
  server: Server,
  runtime: Pick<Runtime, 'lifecycle' | 'writer' | 'availability' | 'database'> &
    Partial<Pick<Runtime, 'sinks'>>,
  options: { delayMs: number; timeoutMs: number },
  logger: Logger,
): Promise<boolean> {
  runtime.lifecycle.draining = true;
  if (options.delayMs > 0) await sleep(options.delayMs);
  const until = Date.now() + options.timeoutMs;
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  // Node closes idle connections on close(); a keep-alive connection whose request is in
  // flight becomes idle after its answer (sent with Connection: close) and goes then
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  const inTime = await Promise.race([closed, sleep(options.timeoutMs).then(() => false)]);
  clearInterval(sweep);
  if (!inTime) {
    logger.warn('shutdown: requests still open at the time-out were cut');
    server.closeAllConnections();
  }
  while ((runtime.writer.pending > 0 || runtime.writer.busy) && Date.now() < until) await sleep(20);
  // the sinks stop after their delivery in flight; what they have not delivered waits in the chain
  await Promise.all((runtime.sinks ?? []).map((s) => s.stop().catch(() => {})));
  runtime.availability.close();
  await runtime.database.close();
  return inTime;
}
