import type { IncomingMessage, ServerResponse } from 'node:http';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { answerJson, composeAnswer, renderText } from '../answer/index.ts';
import type { Assistant } from '../assistant.ts';
import { articleLabel, MAX_QUESTION_LENGTH, type Language } from '../search/index.ts';

const language = z.enum(['vi', 'en']).default('vi').describe('Language of the answer\'s framing; quotes stay in the documents\' Vietnamese');
const DOCUMENT_URI = 'corpus://document/';

const failure = (message: string) => ({ isError: true, content: [{ type: 'text' as const, text: message }] });

/**
 * The assistant as an MCP server: `ask` (the cited answer, as text and structured content), `search`
 * (the leading passages with document, article and score), `get_article` (an article of a law the
 * corpus holds, whole), `list_documents` (the corpus), and each document as a resource. Every tool
 * answers through the same assistant as the bot, the CLI and the web page.
 */
export function createMcpServer(assistant: Assistant): McpServer {
  const server = new McpServer({ name: 'cu-tri-hoi', version: '0.1.0' });

  server.registerTool(
    'ask',
    {
      title: 'Ask the election corpus',
      description: 'Answers a question about Vietnamese election law, polling procedure or party directives by quoting the corpus, citing title, issuer, date, article and link. Declines what the corpus does not hold.',
      inputSchema: { question: z.string().trim().min(1, 'question must not be empty').max(MAX_QUESTION_LENGTH, `question may have at most ${MAX_QUESTION_LENGTH} characters`), lang: language },
    },
    async ({ question, lang }) => {
      const answer = await assistant.ask(question, lang as Language);
      return { content: [{ type: 'text', text: renderText(answer) }], structuredContent: answerJson(answer) };
    },
  );

  server.registerTool(
    'search',
    {
      title: 'Search passages',
      description: 'The passages that best match a query, with their document, section, article and score, without deciding whether they answer it.',
      inputSchema: { query: z.string().trim().min(1, 'query must not be empty').max(MAX_QUESTION_LENGTH), limit: z.number().int().min(1).max(20).default(5) },
    },
    async ({ query, limit }) => {
      const retrieval = await assistant.retrieve(query);
      const passages = retrieval.ranked.slice(0, limit).map((hit) => ({
        docId: hit.document.id,
        title: hit.document.title,
        kind: hit.document.kind,
        date: hit.document.date ?? null,
        section: hit.passage.section,
        article: hit.passage.law ? articleLabel(hit.passage.law) : null,
        score: Math.round(hit.score * 1000) / 1000,
        text: hit.passage.text,
      }));
      const text = passages.map((p, i) => `${i + 1}. ${p.title}${p.article ? `, ${p.article}` : ''} (${p.docId}, score ${p.score})\n${p.text}`).join('\n\n');
      return { content: [{ type: 'text', text: text || 'No passage matches.' }], structuredContent: { passages } };
    },
  );

  server.registerTool(
    'get_article',
    {
      title: 'Get an article of a law',
      description: 'The whole text of an article (or clause) of a law in the corpus, named as a person would: "Điều 69 khoản 4 luật bầu cử", "Điều 2 Nghị quyết 1187".',
      inputSchema: { reference: z.string().trim().min(1, 'reference must not be empty').max(200) },
    },
    async ({ reference }) => {
      const retrieval = await assistant.retrieve(reference);
      if (retrieval.outcome === 'unknown_article' && retrieval.unknownArticle) {
        const a = retrieval.unknownArticle;
        return failure(`${a.law} has no ${articleLabel(a)}; its articles run from Điều ${a.first} to Điều ${a.last}.`);
      }
      if (!retrieval.article) return failure(`"${reference}" names no article of a law the corpus holds; name one as "Điều 69 luật bầu cử".`);
      const answer = composeAnswer(retrieval, retrieval.query.language);
      return { content: [{ type: 'text', text: renderText(answer) }], structuredContent: answerJson(answer) };
    },
  );

  server.registerTool(
    'list_documents',
    { title: 'List the documents', description: 'Every document of the corpus: id, title, kind, issuer, date and link.' },
    async () => {
      const documents = assistant.documents().map((d) => ({ id: d.id, title: d.title, kind: d.kind, issuer: d.issuer ?? d.publisher ?? null, date: d.date ?? null, url: d.url ?? null }));
      return { content: [{ type: 'text', text: documents.map((d) => `${d.id}: ${d.title} (${d.kind}${d.date ? `, ${d.date}` : ''})`).join('\n') }], structuredContent: { documents } };
    },
  );

  server.registerResource(
    'document',
    new ResourceTemplate(`${DOCUMENT_URI}{+id}`, {
      list: async () => ({ resources: assistant.documents().map((d) => ({ uri: `${DOCUMENT_URI}${d.id}`, name: d.title, mimeType: 'text/markdown' })) }),
    }),
    { title: 'A corpus document', description: 'The text of one document of the corpus, by its id.', mimeType: 'text/markdown' },
    async (uri, { id }) => {
      const found = assistant.documentText(String(id));
      if (!found) throw new Error(`No document ${String(id)} in the corpus; list_documents gives the ids.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `# ${found.document.title}\n\n${found.text}` }] };
    },
  );
  return server;
}

/** Serves one MCP request over Streamable HTTP, stateless: a fresh server and transport per request. */
export function mcpHttpHandler(assistant: Assistant): (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void> {
  return async (req, res, body) => {
    const server = createMcpServer(assistant);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
}
