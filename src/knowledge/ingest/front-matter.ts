import { IngestError } from './errors.js';
import { yamlLibrary } from '../../yaml/yaml-catalog.js';

export interface FrontMatterSplit {
  /** The YAML mapping between the fences, or undefined when the text has no front matter. */
  data: Record<string, unknown> | undefined;
  /** The markdown after the closing fence (the whole text when there is no front matter). */
  body: string;
}

// The opening fence must be the very first line; the closing one is `---` or YAML's `...`.
const FRONT_MATTER_RE = /^\uFEFF?---[ \t]*\r?\n(?<yaml>[\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Separates YAML front matter from a markdown body. A file that opens a front matter block but whose
 * YAML is broken or not a mapping is an error, not plain text: silently indexing the YAML as content
 * would hide the mistake from the admin.
 */
export function splitFrontMatter(markdown: string, source = 'document'): FrontMatterSplit {
  const match = FRONT_MATTER_RE.exec(markdown);
  if (!match || match.index !== 0) {
    if (/^\uFEFF?---[ \t]*\r?\n/.test(markdown)) {
      throw new IngestError('invalid_front_matter', `${source}: front matter is opened with --- but never closed`);
    }
    return { data: undefined, body: markdown };
  }
  let data: unknown;
  try {
    data = yamlLibrary().parse(match.groups?.yaml ?? '');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new IngestError('invalid_front_matter', `${source}: front matter is not valid YAML (${reason})`, {
      cause: error,
    });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new IngestError('invalid_front_matter', `${source}: front matter must be a YAML mapping of fields`);
  }
  return { data: data as Record<string, unknown>, body: markdown.slice(match[0].length) };
}
