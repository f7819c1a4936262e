import path from 'node:path';

/** A corpus file that cannot be used; names the file and the field so an admin can fix it. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field} ${reason}`);
    this.name = 'CorpusError';
  }
}

/** The corpus folder itself cannot be read; names the setting that points at it, not just ENOENT. */
export class CorpusFolderError extends Error {
  constructor(readonly dir: string) {
    const where = path.isAbsolute(dir) ? dir : `${dir} (${path.resolve(dir)} from the current folder)`;
    super(
      `CORPUS_DIR is ${where}, which does not exist (or is not a folder). ` +
        'Please set CORPUS_DIR in .env or the environment to the folder holding the documents; the default, corpus, is the one shipped with Cử tri hỏi.',
    );
    this.name = 'CorpusFolderError';
  }
}
