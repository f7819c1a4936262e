import YAML from 'yaml';

/**
 * Text as editors save it, made uniform: no byte-order mark, "\n" line endings (Windows "\r\n"
 * and old Mac "\r"), NFC. Two files that differ only in these ways read and compare the same.
 */
export function normalizeSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** A Markdown file cut at its front matter; `yaml` is null when the file has no front matter block. */
export interface SplitSource {
  yaml: string | null;
  body: string;
  /** True when the file opens a `---` block that no `---` line closes. */
  unclosed: boolean;
}

// "---" on the first line, then the YAML, then a line holding only "---".
const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;

/** Splits a normalised source (see normalizeSource) into its front matter and body. */
export function splitFrontMatter(source: string): SplitSource {
  const match = FRONT_MATTER.exec(source);
  if (match) return { yaml: match[1] ?? '', body: source.slice(match[0].length), unclosed: false };
  return { yaml: null, body: source, unclosed: /^---[ \t]*\n/.test(source) };
}

/**
 * Parses front matter with the YAML core schema, which keeps `2021-02-06` as text (so
 * "2021-13-45" is rejected rather than rolled over into 2022). Throws YAML's own error.
 */
export function parseFrontMatter(yaml: string): unknown {
  return YAML.parse(yaml, { schema: 'core' }) ?? {};
}

/** A Markdown file with front matter, as the corpus stores it: `---`, the fields, `---`, a blank line, the body. */
export function stringifyDocument(data: Record<string, unknown>, body: string): string {
  // lineWidth 0: one field per line, never folded, so the file stays easy to edit by hand.
  const yaml = YAML.stringify(data, { schema: 'core', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}
