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
