export { escapeHtml, renderPage } from './page.ts';
export { createRateLimiter, type RateLimiter } from './rate-limit.ts';
export { MAX_BODY_BYTES, serveWeb, webFromConfig, type WebOptions } from './server.ts';
