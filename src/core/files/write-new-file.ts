import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `data` under `dir` without replacing an earlier file: a taken name gets `-2`, `-3`, … before its
 * extension. Returns the path written. Exports and report attachments are never overwritten this way.
 */
export function writeNewFile(dir: string, fileName: string, data: Buffer): string {
  fs.mkdirSync(dir, { recursive: true });
  const { name, ext } = path.parse(path.basename(fileName));
  for (let n = 1; ; n += 1) {
    const file = path.join(dir, n === 1 ? `${name}${ext}` : `${name}-${n}${ext}`);
    try {
      fs.writeFileSync(file, data, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
