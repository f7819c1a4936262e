import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotMetrics } from './metrics.ts';

export interface EndpointOptions {
  metrics: BotMetrics;
  /** Null when questions are answered; otherwise why not, in a few words ("building the index", "Telegram is not reachable yet"). */
  notReady: () => string | null;
}

/**
 * The operations endpoints a container platform and Prometheus call: `GET /healthz` (the process
 * is alive), `GET /readyz` (it answers questions), `GET /metrics` (Prometheus text). Returns false for
 * any other request, which the caller handles (the webhook) or refuses.
 */
export function serveEndpoints({ metrics, notReady }: EndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (req.method !== 'GET') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return true;
    }
    if (path === '/readyz') {
      const cause = notReady();
      res.writeHead(cause ? 503 : 200, { 'content-type': 'text/plain' }).end(cause ? `not ready: ${cause}\n` : 'ready\n');
      return true;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      return true;
    }
    return false;
  };
}
