export { createMcpServer, mcpHttpHandler } from './server.ts';
