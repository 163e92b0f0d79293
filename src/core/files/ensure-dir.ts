import fs from 'node:fs';
import path from 'node:path';

/** A folder Pandu needs (DATA_DIR and what lies under it) could not be created. */
export class FolderError extends Error {
  override readonly name = 'FolderError';

  constructor(
    readonly dir: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot create folder ${dir} (${code})`, options);
  }
}

/**
 * Creates a folder and its missing parents, one level at a time. Node's own recursive mkdir never returns
 * for a path under a virtual file system such as /proc (it retries ENOENT for ever), so a mistyped DATA_DIR
 * would hang the bot at start-up instead of saying what is wrong.
 */
export function ensureDir(dir: string): void {
  const target = path.resolve(dir);
  const missing: string[] = [];
  for (let current = target; !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      if (code === 'EEXIST' && fs.statSync(folder).isDirectory()) continue;
      throw new FolderError(target, code, { cause: error });
    }
  }
  if (!fs.statSync(target).isDirectory()) throw new FolderError(target, 'ENOTDIR');
}
