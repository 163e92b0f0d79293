import fs from 'node:fs';

/** Peak resident memory of a process tree, in kB, sampled from /proc. */
export interface MemoryPeak {
  /** The process itself (its own high-water mark, VmHWM). */
  processKb: number;
  /** The largest of its descendants (e.g. the PDF reader), 0 when it started none. */
  largestChildKb: number;
  /** The sum of every process's high-water mark: an upper bound for the tree at any one moment. */
  treeKb: number;
}

/** /proc is Linux only; tests that measure memory are skipped elsewhere. */
export const canWatchMemory = fs.existsSync('/proc/self/status');

/**
 * Samples the high-water mark of `pid` and of every process below it until the returned function is
 * called. High-water marks only grow, so a sample taken shortly before a process ends holds its peak.
 */
export function watchMemory(pid: number, everyMs = 10): () => MemoryPeak {
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const p of [pid, ...descendants(pid)]) {
      const hwm = highWaterKb(p);
      if (hwm !== undefined) peaks.set(p, Math.max(peaks.get(p) ?? 0, hwm));
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    const children = [...peaks].filter(([p]) => p !== pid).map(([, kb]) => kb);
    const processKb = peaks.get(pid) ?? 0;
    return { processKb, largestChildKb: Math.max(0, ...children), treeKb: children.reduce((a, b) => a + b, processKb) };
  };
}

/** What `pid` and every process below it hold in memory now (resident set, VmRSS), in kB. */
export function treeRssKb(pid: number): number {
  let total = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      total += match ? Number(match[1]) : 0;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const child of childrenOf(pid)) out.push(child, ...descendants(child));
  return out;
}

function childrenOf(pid: number): number[] {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((tid) =>
      fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function highWaterKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
