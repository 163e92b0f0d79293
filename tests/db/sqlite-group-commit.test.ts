import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommits } from '../../src/db/sqlite-group-commit.js';
import { tempDataDir } from '../support/temp-data.js';

/** Two connections to one WAL file, as the app has (Prisma's and the hot statements'). */
describe('group commits on the hot SQLite connection', () => {
  let temp: ReturnType<typeof tempDataDir>;
  let writer: Database.Database;
  let other: Database.Database;
  /** The commit the test releases, instead of the next turn of the event loop. */
  let due: Array<() => void>;
  const commitNow = () => due.splice(0).forEach((run) => run());

  beforeEach(() => {
    temp = tempDataDir('pandu-group-');
    const file = path.join(temp.dir, 'group.db');
    writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('busy_timeout = 0');
    writer.exec('CREATE TABLE seen (id TEXT PRIMARY KEY)');
    other = new Database(file);
    due = [];
  });
  afterEach(() => {
    writer.close();
    other.close();
    temp.cleanup();
  });

  const insert = () => writer.prepare('INSERT INTO seen (id) VALUES (?) ON CONFLICT (id) DO NOTHING');
  const count = () => (other.prepare('SELECT count(*) AS n FROM seen').get() as { n: number }).n;

  it('commits the writes of one turn together, each with its own result, a repeated id seen as one', async () => {
    const { write } = groupCommits(writer, (run) => due.push(run));
    const statement = insert();
    const results = ['a', 'b', 'a'].map((id) => write(() => statement.run(id).changes === 1));
    expect(due).toHaveLength(1);
    expect(count()).toBe(0);
    commitNow();
    expect(await Promise.all(results)).toEqual([true, true, false]);
    expect(count()).toBe(2);
  });

  it('rejects only the write that failed; the others of its group are committed', async () => {
    const { write } = groupCommits(writer, (run) => due.push(run));
    const statement = insert();
    const first = write(() => statement.run('a'));
    const failing = write(() => writer.prepare('INSERT INTO seen (id) VALUES (?)').run('a'));
    const last = write(() => statement.run('b'));
    commitNow();
    await expect(failing).rejects.toThrow(/UNIQUE/);
    await expect(first).resolves.toMatchObject({ changes: 1 });
    await expect(last).resolves.toMatchObject({ changes: 1 });
    expect(count()).toBe(2);
  });

  it('leaves nothing of a write of several statements that failed half-way', async () => {
    const { write } = groupCommits(writer, (run) => due.push(run));
    const statement = insert();
    const first = write(() => statement.run('a'));
    const halfWay = write(() => {
      statement.run('b');
      return writer.prepare('INSERT INTO seen (id) VALUES (?)').run('a');
    });
    commitNow();
    await expect(halfWay).rejects.toThrow(/UNIQUE/);
    await expect(first).resolves.toMatchObject({ changes: 1 });
    expect(other.prepare('SELECT id FROM seen ORDER BY id').all()).toEqual([{ id: 'a' }]);
  });

  it('waits for another connection’s open transaction, then commits the whole group', async () => {
    const { write } = groupCommits(writer, (run) => due.push(run));
    const statement = insert();
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO seen (id) VALUES (?)').run('held');
    const results = ['a', 'b'].map((id) => write(() => statement.run(id).changes));
    commitNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    other.exec('COMMIT');
    expect(await Promise.all(results)).toEqual([1, 1]);
    expect(count()).toBe(3);
  });

  it('commits what is queued when flushed before the connection closes', async () => {
    const { write, flush } = groupCommits(writer, () => undefined);
    const statement = insert();
    const result = write(() => statement.run('a').changes);
    await flush();
    expect(await result).toBe(1);
    expect(count()).toBe(1);
  });
});
