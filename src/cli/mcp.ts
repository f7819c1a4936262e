// The assistant as an MCP server over stdio, for AI assistants: npm run mcp
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createAssistant } from '../assistant.ts';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import { createMcpServer } from '../mcp/index.ts';
import { readArgs } from './args.ts';

const USAGE = 'Usage: npm run mcp   (the assistant as an MCP server on stdio, for AI assistants)';

// stdout carries the protocol: logs go to stderr only, at warn and above unless LOG_LEVEL asks for more.
if (!readArgs({ options: {} }, USAGE)) process.exit();
const config = loadConfig();
const logger = createCliLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
const assistant = await createAssistant({ config, logger });
const server = createMcpServer(assistant);
await server.connect(new StdioServerTransport());
logger.info('MCP server ready on stdio');
