import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileFlavor } from '@grammyjs/files';
import { Composer } from 'grammy';
import { ReindexBusyError } from '../../assistant.ts';
import { CorpusError, documentsFromUpload, UPLOAD_FOLDER } from '../../corpus/index.ts';
import type { BotContext } from '../context.ts';

export const MAX_UPLOAD_BYTES = 1_000_000;

function describeError(error: unknown): string {
  return error instanceof CorpusError ? `${error.file}: ${error.field} ${error.reason}` : (error as Error).message;
}

/** Rebuilds in the background, editing one status message with progress; the old index answers meanwhile. */
async function reindexWithStatus(ctx: BotContext): Promise<void> {
  const { assistant, logger, metrics, state } = ctx.services;
  // One replica rebuilds the shared index at a time; the others pick the new build up before their next answer.
  const release = await state.reindexLock.acquire().catch((error: unknown) => {
    logger.warn({ err: error }, 'reindex lock unavailable; rebuilding without it');
    return async () => undefined;
  });
  if (!release) {
    await ctx.reply(ctx.texts.reindexBusy);
    return;
  }
  let status: { chat: { id: number }; message_id: number } | undefined;
  // Edits go out one after another, so a retried progress line can never land after the result.
  let edits = Promise.resolve();
  const edit = (text: string) => {
    edits = edits.then(async () => {
      if (!status) return;
      await ctx.api.editMessageText(status.chat.id, status.message_id, text).catch((error: unknown) => logger.warn({ err: error }, 'could not edit the status message'));
    });
    return edits;
  };
  let lastEdit = Date.now();
  let job: ReturnType<typeof assistant.reindex>;
  try {
    job = assistant.reindex((done, total) => {
      // Telegram limits edits; one every two seconds is plenty for a progress line.
      if (Date.now() - lastEdit < 2000 || done === total) return;
      lastEdit = Date.now();
      void edit(ctx.texts.reindexProgress(done, total));
    });
  } catch (error) {
    await release();
    if (!(error instanceof ReindexBusyError)) throw error;
    await ctx.reply(ctx.texts.reindexBusy);
    return;
  }
  // What the build means beyond this chat (metrics, the other replicas, the lock) happens whatever Telegram does with the status message.
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  void job
    .then(
      (summary) => (metrics.reindexed(seconds(), true), state.announceBuild(summary.manifest.builtAt)),
      () => metrics.reindexed(seconds(), false),
    )
    .finally(release);
  status = await ctx.reply(ctx.texts.reindexStarted);
  try {
    const { manifest, embeddings, warnings } = await job;
    const done = ctx.texts.reindexDone({ ...manifest.counts, ...embeddings, seconds: (manifest.buildMs / 1000).toFixed(1) });
    // What the build only warned about (a file that is not a document, a duplicate) is the admin's to see too.
    await edit(warnings.length > 0 ? `${done}\n${ctx.texts.reindexWarnings(warnings)}` : done);
  } catch (error) {
    logger.error({ err: error }, 'reindex from Telegram failed');
    await edit(ctx.texts.reindexFailed(describeError(error)));
  }
}

/** Reads an upload through the files plugin's getUrl(): a download URL, or a local Bot API server's (`--local`) absolute path on its own disk. */
async function downloadText(ctx: BotContext): Promise<string> {
  // hydrateFiles (bot.ts) adds getUrl to every getFile result; its download() cannot be used, it fetches with https.get only.
  const file = await (ctx as FileFlavor<BotContext>).getFile();
  const url = file.getUrl();
  if (path.isAbsolute(url)) return readFile(url, 'utf8');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not download the upload (HTTP ${response.status})`);
  return response.text();
}

/** Admin-only: /reindex, /stats and document uploads. Everyone else is told no and nothing happens. */
export const admin = new Composer<BotContext>();

const isAdmin = (ctx: BotContext) => ctx.from !== undefined && ctx.services.config.adminIds.includes(ctx.from.id);

admin.command(['reindex', 'stats'], async (ctx, next) => (isAdmin(ctx) ? next() : void (await ctx.reply(ctx.texts.notAdmin))));

admin.command('reindex', (ctx) => {
  // Long builds must not hold up this chat's queue: the runner handles updates of one chat in order.
  void reindexWithStatus(ctx).catch((error: unknown) => ctx.services.logger.error({ err: error }, 'reindex status failed'));
});

admin.command('stats', async (ctx) => {
  const { assistant, state, startedAt, logger } = ctx.services;
  const { manifest } = assistant.index;
  const minutes = Math.round((Date.now() - startedAt) / 60000);
  await ctx.reply(
    ctx.texts.stats({
      ...(await state.feedback.counters().catch((error: unknown) => (logger.warn({ err: error }, 'counters unavailable'), { answered: 0, declined: 0, up: 0, down: 0 }))),
      documents: manifest.counts.documents,
      passages: manifest.counts.passages,
      builtAt: manifest.builtAt,
      embedder: manifest.embedder.id,
      uptime: `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`,
    }),
  );
});

// Uploads are taken in private chats only: a file shared in a group is not meant for the corpus.
admin.chatType('private').on('message:document', async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.reply(ctx.texts.notAdmin);
    return;
  }
  const { document } = ctx.msg;
  const name = document.file_name ?? '';
  if (!/\.(md|txt)$/i.test(name)) {
    await ctx.reply(ctx.texts.uploadWrongType);
    return;
  }
  if ((document.file_size ?? 0) > MAX_UPLOAD_BYTES) {
    await ctx.reply(ctx.texts.uploadTooBig);
    return;
  }
  const { corpusDir } = ctx.services.config;
  const text = await downloadText(ctx);
  if (Buffer.byteLength(text) > MAX_UPLOAD_BYTES) {
    await ctx.reply(ctx.texts.uploadTooBig);
    return;
  }
  // A legal text may hold several documents (a law and its resolutions): each becomes a corpus file.
  let saved: Array<{ file: string; source: string }>;
  try {
    saved = documentsFromUpload(name, text);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    await ctx.reply(ctx.texts.uploadInvalid(describeError(error)));
    return;
  }
  await mkdir(path.join(corpusDir, UPLOAD_FOLDER), { recursive: true });
  for (const { file, source } of saved) await writeFile(path.join(corpusDir, file), source);
  await ctx.reply(ctx.texts.uploadSaved(saved.map((s) => s.file).join(', ')));
  void reindexWithStatus(ctx).catch((error: unknown) => ctx.services.logger.error({ err: error }, 'reindex after upload failed'));
});
