import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IngestError } from './errors.js';
import type { IngestLimits } from './limits.js';
import { textTooLong } from './limits.js';
import type { PdfJob, PdfOutcome } from './pdf-reader.js';

const TASK_PROCESS = fileURLToPath(new URL('./task-process.mjs', import.meta.url));
// The reader next to this file: pdf-reader.ts when run from the sources, pdf-reader.js when compiled (dist/).
const PDF_TASK = new URL(`./pdf-reader${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

/**
 * Most memory the reader process may hold. It needs about 100 MB for a large real document (1,000 pages);
 * a PDF whose streams inflate to gigabytes passes this within a fraction of a second.
 */
const MEMORY_LIMIT_KB = 384 * 1024;
/** pdf.js keeps its objects on the JS heap; a heap this large is already a sign of a hostile file. */
const HEAP_LIMIT_MB = 256;
const WATCH_EVERY_MS = 10;
/** Enough of the reader's stderr to say in the log why it died. */
const MAX_STDERR_CHARS = 4096;

type Stopped = { stopped: 'timeout' | 'memory' } | { stopped: 'crashed'; error: Error };

/**
 * The text of a PDF, read by pdf.js in a child process that is killed when it runs past the time limit or
 * holds more than a fixed amount of memory. pdf.js inflates every stream it reads completely, so a PDF of
 * a few hundred kilobytes can claim gigabytes (a content stream of compressed blanks); only a process that
 * can be stopped from outside bounds that, and only a process gives all of its memory back when it ends.
 * The reader refuses too many pages and too much text by itself. The memory watch reads /proc, so on
 * systems without it only the time and JS-heap limits apply.
 */
export async function extractPdfText(
  fileName: string,
  bytes: Buffer,
  limits: Pick<IngestLimits, 'maxPdfPages' | 'maxTextChars' | 'pdfTimeoutMs'>,
): Promise<string> {
  const openPages = countOpenPages(bytes);
  if (openPages > limits.maxPdfPages) throw tooManyPages(fileName, openPages, limits.maxPdfPages);
  const job: PdfJob = { bytes, maxPages: limits.maxPdfPages, maxTextChars: limits.maxTextChars };
  const outcome = await runReader(job, limits.pdfTimeoutMs);
  if ('ok' in outcome) {
    if (outcome.ok) return outcome.text;
    switch (outcome.code) {
      case 'too_many_pages':
        throw tooManyPages(fileName, outcome.pages ?? 0, limits.maxPdfPages);
      case 'text_too_long':
        throw textTooLong(fileName, limits.maxTextChars);
      default:
        throw new IngestError(outcome.code, `${fileName}: ${outcome.reason}`);
    }
  }
  switch (outcome.stopped) {
    case 'timeout':
      throw new IngestError('timeout', `${fileName}: reading the PDF took more than ${limits.pdfTimeoutMs} ms`, {
        params: { seconds: Math.ceil(limits.pdfTimeoutMs / 1000) },
      });
    case 'memory':
      throw new IngestError('too_complex', `${fileName}: reading the PDF needed more than ${MEMORY_LIMIT_KB / 1024} MB`);
    case 'crashed':
      throw new IngestError('unreadable', `${fileName}: the PDF reader stopped unexpectedly`, { cause: outcome.error });
  }
}

/**
 * Page objects written in the open ("/Type /Page"), counted without parsing: pdf.js needs seconds and
 * hundreds of megabytes just to open a PDF of a hundred thousand pages, so most such files are refused
 * here at once. Pages hidden in compressed object streams are not seen; the reader counts those.
 */
function countOpenPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

function tooManyPages(fileName: string, pages: number, maxPages: number): IngestError {
  return new IngestError('too_many_pages', `${fileName}: ${pages} pages (at most ${maxPages})`, { params: { pages, maxPages } });
}

function runReader(job: PdfJob, timeoutMs: number): Promise<PdfOutcome | Stopped> {
  return new Promise((resolve) => {
    const child = fork(TASK_PROCESS, [], {
      execArgv: [`--max-old-space-size=${HEAP_LIMIT_MB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-MAX_STDERR_CHARS)));
    let result: PdfOutcome | Stopped | undefined;
    const stop = (reason: PdfOutcome | Stopped) => {
      result ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop({ stopped: 'timeout' }), timeoutMs);
    const watch = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentKb(child.pid);
      if (rss !== undefined && rss > MEMORY_LIMIT_KB) stop({ stopped: 'memory' });
    }, WATCH_EVERY_MS);
    child.on('message', (outcome: PdfOutcome) => (result ??= outcome));
    const finish = (outcome: PdfOutcome | Stopped) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve(outcome);
    };
    // A process that never started sends no 'exit'.
    child.on('error', (error) => (child.pid === undefined ? finish({ stopped: 'crashed', error }) : stop({ stopped: 'crashed', error })));
    // Resolve only once the process is gone, so its memory is back before the next file is read.
    child.on('exit', (code, signal) => finish(result ?? crashed(code, signal, stderr)));
    child.send({ module: PDF_TASK, input: job });
  });
}

/** A reader that died on its own: out of JS heap (a hostile file), or a fault to log with its stderr. */
function crashed(code: number | null, signal: NodeJS.Signals | null, stderr: string): Stopped {
  if (/heap limit|heap out of memory/i.test(stderr)) return { stopped: 'memory' };
  return { stopped: 'crashed', error: new Error(`the PDF reader exited (code ${code}, signal ${signal}): ${stderr.trim()}`) };
}

/** The process's resident memory in kB, from /proc (Linux); undefined where that is not available. */
function residentKb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
