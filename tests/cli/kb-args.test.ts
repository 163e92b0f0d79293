import { describe, expect, it } from 'vitest';
import { parseKbArgs } from '../../src/cli/kb-args.js';

describe('parseKbArgs', () => {
  it('reads each command with its options', () => {
    expect(parseKbArgs(['add', 'a.pdf', 'b.docx', '--regulation', 'PP 38/2017', '--title=Judul'])).toEqual({
      ok: true,
      value: { command: 'add', files: ['a.pdf', 'b.docx'], regulation: 'PP 38/2017', title: 'Judul' },
    });
    expect(parseKbArgs(['list', '--json'])).toEqual({ ok: true, value: { command: 'list', json: true } });
    expect(parseKbArgs(['list'])).toEqual({ ok: true, value: { command: 'list', json: false } });
    expect(parseKbArgs(['remove', 'abc'])).toEqual({ ok: true, value: { command: 'remove', id: 'abc' } });
    expect(parseKbArgs(['reindex', '--full'])).toEqual({ ok: true, value: { command: 'reindex', full: true } });
  });

  it('reads a status change of a regulation or one Pasal', () => {
    expect(parseKbArgs(['status', 'UU 23/2014', '--pasal', '5', 'diubah', '--by', 'UU 9/2015'])).toEqual({
      ok: true,
      value: { command: 'status', target: 'UU 23/2014', status: 'diubah', pasal: '5', by: 'UU 9/2015' },
    });
    expect(parseKbArgs(['status', 'abc123', 'dicabut'])).toEqual({
      ok: true,
      value: { command: 'status', target: 'abc123', status: 'dicabut' },
    });
  });

  it.each([
    [['status', 'UU 23/2014'], 'kb_admin.status.cli.missing_arguments', {}],
    [['status', 'UU 23/2014', 'hapus'], 'kb_admin.status.cli.unknown_status', { status: 'hapus' }],
    [['status', 'UU 23/2014', 'diubah'], 'kb_admin.status.cli.missing_by', {}],
    [['status', 'UU 23/2014', 'dicabut', '--by', 'UU 9/2015'], 'kb_admin.status.cli.by_only_for_diubah', {}],
    [['status', 'UU 23/2014', 'dicabut', 'lagi'], 'kb.args.unexpected_argument', { argument: 'lagi' }],
    [['status', 'UU 23/2014', 'dicabut', '--json'], 'kb.args.option_not_for_command', { option: '--json', command: 'status' }],
  ])('refuses the status line %j with %s', (argv, key, params) => {
    expect(parseKbArgs(argv)).toEqual({ ok: false, problem: { key, params } });
  });

  it('takes a file name starting with "-" after --', () => {
    expect(parseKbArgs(['add', '--', '-catatan.md'])).toEqual({ ok: true, value: { command: 'add', files: ['-catatan.md'] } });
  });

  it.each([
    [['add', '-catatan.md'], 'kb.args.unknown_short_option', { option: '-catatan.md' }],
    [['add', '--bogus', 'a.md'], 'kb.args.unknown_option', { option: '--bogus' }],
    [['add', 'a.md', '--regulation'], 'kb.args.missing_value', { option: '--regulation' }],
    [['add', '--regulation', '--title', 'Judul', 'a.md'], 'kb.args.missing_value', { option: '--regulation' }],
    [['add', '--title=', 'a.md'], 'kb.args.missing_value', { option: '--title' }],
    [['list', '--json=ya'], 'kb.args.unexpected_value', { option: '--json' }],
    [['add', '--json', 'a.md'], 'kb.args.option_not_for_command', { option: '--json', command: 'add' }],
    [['hapus', 'abc'], 'kb.args.unknown_command', { command: 'hapus' }],
    [['toString'], 'kb.args.unknown_command', { command: 'toString' }],
    [['add'], 'kb.args.missing_files', {}],
    [['remove'], 'kb.args.missing_id', {}],
    [['remove', 'a', 'b'], 'kb.args.unexpected_argument', { argument: 'b' }],
    [['list', 'semua'], 'kb.args.unexpected_argument', { argument: 'semua' }],
  ])('refuses %j with %s, never by throwing', (argv, key, params) => {
    expect(parseKbArgs(argv)).toEqual({ ok: false, problem: { key, params } });
  });

  it('asks only for the usage when no command is given', () => {
    expect(parseKbArgs([])).toEqual({ ok: false, problem: {} });
  });
});
