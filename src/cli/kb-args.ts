import { parseArgs } from 'node:util';
import { isKbStatus, type KbStatus } from '../knowledge/status/kb-status.js';

/** A `kb` command line, checked. */
export type KbCommand =
  | { command: 'add'; files: string[]; regulation?: string; title?: string }
  | { command: 'list'; json: boolean }
  | { command: 'remove'; id: string }
  | { command: 'reindex'; full: boolean }
  | { command: 'status'; target: string; status: KbStatus; pasal?: string; by?: string }
  | { command: 'history'; limit: number };

/** Why a command line was refused: a `kb.args.*` message key and its values (none when only the usage helps). */
export interface KbArgsProblem {
  key?: string;
  params?: Record<string, string>;
}

export type KbArgs = { ok: true; value: KbCommand } | { ok: false; problem: KbArgsProblem };

const OPTIONS = {
  json: { type: 'boolean' },
  full: { type: 'boolean' },
  regulation: { type: 'string' },
  title: { type: 'string' },
  pasal: { type: 'string' },
  by: { type: 'string' },
  limit: { type: 'string' },
} as const;
type OptionName = keyof typeof OPTIONS;

const ALLOWED: Record<KbCommand['command'], OptionName[]> = {
  add: ['regulation', 'title'],
  list: ['json'],
  remove: [],
  reindex: ['full'],
  status: ['pasal', 'by'],
  history: ['limit'],
};

/** How many changes `history` prints unless told otherwise. */
export const DEFAULT_HISTORY_LIMIT = 50;

/**
 * Reads `kb`'s arguments without ever throwing, so a typo (an unknown flag, a missing value, a file name
 * starting with "-") becomes one Indonesian line plus the usage instead of a stack trace. A file whose
 * name starts with "-" can still be added after `--`.
 */
export function parseKbArgs(argv: string[]): KbArgs {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values: Partial<Record<OptionName, string | boolean>> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    // "-foo.pdf" arrives as the short options -f -o -o ...; the person typed (and should see) the whole word.
    const typed = argv[token.index] ?? token.rawName;
    if (!Object.hasOwn(OPTIONS, token.name)) {
      return refuse(typed.startsWith('--') ? 'kb.args.unknown_option' : 'kb.args.unknown_short_option', { option: typed });
    }
    const name = token.name as OptionName;
    if (OPTIONS[name].type === 'boolean') {
      if (token.value !== undefined) return refuse('kb.args.unexpected_value', { option: token.rawName });
      values[name] = true;
    } else {
      // Without "=", a value starting with "-" is the next option: the value was forgotten.
      const value = token.value;
      if (value === undefined || value.trim() === '' || (!token.inlineValue && value.startsWith('-'))) {
        return refuse('kb.args.missing_value', { option: token.rawName });
      }
      values[name] = value.trim();
    }
  }
  const [command, ...args] = positionals;
  if (command === undefined) return { ok: false, problem: {} };
  if (!isCommand(command)) return refuse('kb.args.unknown_command', { command });
  const misplaced = (Object.keys(values) as OptionName[]).find((name) => !ALLOWED[command].includes(name));
  if (misplaced) return refuse('kb.args.option_not_for_command', { option: `--${misplaced}`, command });
  switch (command) {
    case 'add':
      if (args.length === 0) return refuse('kb.args.missing_files');
      return ok({ command, files: args, regulation: values.regulation as string | undefined, title: values.title as string | undefined });
    case 'remove':
      if (args.length === 0) return refuse('kb.args.missing_id');
      if (args.length > 1) return refuse('kb.args.unexpected_argument', { argument: args[1]! });
      return ok({ command, id: args[0]! });
    case 'status': {
      const [target, status, extra] = args;
      if (target === undefined || status === undefined) return refuse('kb_admin.status.cli.missing_arguments');
      if (extra !== undefined) return refuse('kb.args.unexpected_argument', { argument: extra });
      if (!isKbStatus(status)) return refuse('kb_admin.status.cli.unknown_status', { status });
      const by = values.by as string | undefined;
      if (status === 'diubah' && !by) return refuse('kb_admin.status.cli.missing_by');
      if (status !== 'diubah' && by) return refuse('kb_admin.status.cli.by_only_for_diubah');
      const pasal = values.pasal as string | undefined;
      return ok({ command, target, status, ...(pasal ? { pasal } : {}), ...(by ? { by } : {}) });
    }
    case 'history': {
      if (args.length > 0) return refuse('kb.args.unexpected_argument', { argument: args[0]! });
      const raw = values.limit as string | undefined;
      const limit = raw === undefined ? DEFAULT_HISTORY_LIMIT : Number(raw);
      if (!Number.isInteger(limit) || limit < 1) return refuse('kb.args.bad_limit', { value: raw ?? '' });
      return ok({ command, limit });
    }
    case 'list':
    case 'reindex':
      if (args.length > 0) return refuse('kb.args.unexpected_argument', { argument: args[0]! });
      return ok(command === 'list' ? { command, json: values.json === true } : { command, full: values.full === true });
  }
}

function isCommand(value: string): value is KbCommand['command'] {
  return Object.hasOwn(ALLOWED, value);
}

function ok(value: KbCommand): KbArgs {
  return { ok: true, value };
}

function refuse(key: string, params: Record<string, string> = {}): KbArgs {
  return { ok: false, problem: { key, params } };
}
