import { createServer, type Server } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/answer/index.ts';
import { createAssistant, type Assistant } from '../../src/assistant.ts';
import { localState } from '../../src/bot/shared.ts';
import { loadConfig } from '../../src/config.ts';
import { mcpHttpHandler } from '../../src/mcp/index.ts';
import { createRateLimiter, serveWeb } from '../../src/web/index.ts';
import { freePort, memoryLogger, runScript, scratchWorkspace } from '../helpers.ts';

let ws: Awaited<ReturnType<typeof scratchWorkspace>>;
let assistant: Assistant;
let server: Server;
let base: string;
const clients: Client[] = [];

beforeAll(async () => {
  ws = await scratchWorkspace();
  const config = loadConfig({ CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir }, '/nonexistent');
  assistant = await createAssistant({ config, logger: memoryLogger().logger });
  const web = serveWeb({ assistant, feedback: localState(`${ws.root}/feedback.jsonl`).feedback, limiter: createRateLimiter('MEMORY_STORE', 1000), logger: memoryLogger().logger, frameAncestors: "'self'", trustProxy: false, mcp: mcpHttpHandler(assistant) });
  server = createServer((req, res) => void web(req, res).then((served) => served || res.writeHead(404).end()));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  server?.close();
});

/** The SDK's own client over stdio, on `npm run mcp` (the same script, run by node with tsx). */
async function stdioClient(): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  const env = { ...(process.env as Record<string, string>), CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir };
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', 'src/cli/mcp.ts'], env, stderr: 'pipe' }));
  clients.push(client);
  return client;
}

async function httpClient(): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
  clients.push(client);
  return client;
}

const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as Array<{ type: string; text: string }>).map((c) => c.text).join('\n');

describe.each([
  ['stdio', stdioClient],
  ['Streamable HTTP on /mcp', httpClient],
])('the MCP server over %s', (_transport, connect) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect();
  }, 120_000);

  it('lists its four tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'get_article', 'list_documents', 'search']);
    expect(tools.find((t) => t.name === 'ask')?.inputSchema.properties).toHaveProperty('question');
  });

  it('asks: the cited answer as text and as structured content, the same as every other surface', async () => {
    const result = await client.callTool({ name: 'ask', arguments: { question: 'Tôi có được nhờ người khác bầu thay không?' } });
    const expected = await assistant.ask('Tôi có được nhờ người khác bầu thay không?');
    expect(textOf(result)).toBe(renderText(expected));
    expect(result.structuredContent).toMatchObject({ outcome: 'answered', citations: expect.arrayContaining([expect.objectContaining({ docId: 'guidance/cach-bo-phieu' })]) });
  });

  it('searches, looks up an article, lists the documents and reads one as a resource', async () => {
    const search = await client.callTool({ name: 'search', arguments: { query: 'hòm phiếu phụ', limit: 3 } });
    expect((search.structuredContent as { passages: unknown[] }).passages).toHaveLength(3);
    const article = await client.callTool({ name: 'get_article', arguments: { reference: 'Điều 69 khoản 4 luật bầu cử' } });
    expect(textOf(article)).toMatch(/^Điều 69 khoản 4\. Nguyên tắc bỏ phiếu/);
    const list = await client.callTool({ name: 'list_documents', arguments: {} });
    const documents = (list.structuredContent as { documents: Array<{ id: string }> }).documents;
    expect(documents.map((d) => d.id)).toContain('law/luat-85-2015-qh13');
    const { resources } = await client.listResources();
    expect(resources.length).toBe(documents.length);
    const read = await client.readResource({ uri: 'corpus://document/guidance/cach-bo-phieu' });
    expect((read.contents[0] as { text: string }).text).toContain('## Tôi có được nhờ người khác đi bầu thay không?');
  });

  it('answers bad input with a clear error: an empty question, an unknown article, an unknown tool, an unknown document', async () => {
    const empty = await client.callTool({ name: 'ask', arguments: { question: '' } });
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toMatch(/question must not be empty/);
    // 10 KB: over stdio the tool refuses it; over HTTP the server refuses the request itself (413).
    const long = await client.callTool({ name: 'ask', arguments: { question: 'x'.repeat(10 * 1024) } }).then(
      (r) => (r.isError ? textOf(r) : 'answered'),
      (error: Error) => error.message,
    );
    expect(long).toMatch(/at most 1000 characters|larger than 8 KB/);
    const unknown = await client.callTool({ name: 'get_article', arguments: { reference: 'Điều 500 luật bầu cử' } });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/has no Điều 500; its articles run from Điều 1 to Điều 98/);
    const notArticle = await client.callTool({ name: 'get_article', arguments: { reference: 'giá vàng hôm nay' } });
    expect(notArticle.isError).toBe(true);
    await expect(client.callTool({ name: 'delete_everything', arguments: {} })).resolves.toMatchObject({ isError: true });
    await expect(client.readResource({ uri: 'corpus://document/news/none' })).rejects.toThrow(/No document news\/none/);
  });
});

describe('one answer on every surface', () => {
  it('gives the same answer on the page\'s API, over MCP and with ask --json', async () => {
    const question = 'Mấy giờ thì bắt đầu bỏ phiếu?';
    const page = await (await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json();
    const mcp = textOf(await (await httpClient()).callTool({ name: 'ask', arguments: { question } }));
    const cli = await runScript('src/cli/ask.ts', ['--json', question], { CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir });
    expect(JSON.parse(cli.stdout).text).toBe(page.text);
    expect(mcp).toBe(page.text);
  });
});
