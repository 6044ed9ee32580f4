import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/history/history-store';
import { toHistoryFile } from '../../src/history/session-record';
import { sessionRecord, stepRecord } from './records';

describe('HistoryStore (IndexedDB)', () => {
  let store: HistoryStore;
  beforeEach(async () => {
    store = await HistoryStore.open();
    await store.clear();
  });
  afterEach(() => store.close());

  const monday = sessionRecord({ id: 'mon', startedAt: 2_000_000, endedAt: 2_100_000 });
  const sunday = sessionRecord({ id: 'sun', startedAt: 1_000_000, endedAt: 1_100_000 });

  it('keeps sessions across openings, oldest first', async () => {
    await store.save(monday);
    await store.save(sunday);
    store.close();
    store = await HistoryStore.open();
    expect((await store.all()).map((r) => r.id)).toEqual(['sun', 'mon']);
  });

  it('refuses to keep a record that breaks the schema', async () => {
    await expect(
      store.save({ ...monday, steps: [stepRecord({ activeMs: -5 })] }),
    ).rejects.toThrow();
    expect(await store.all()).toEqual([]);
  });

  it('exports a file that imports into an empty history', async () => {
    await store.save(monday);
    await store.save(sunday);
    const text = JSON.stringify(await store.exportFile(7));
    await store.clear();
    expect(await store.importText(text)).toEqual({ ok: true, added: 2, alreadyThere: 0 });
    expect(await store.all()).toEqual([sunday, monday]);
  });

  it('adds only the sessions not there yet', async () => {
    await store.save(monday);
    const text = JSON.stringify(toHistoryFile([monday, sunday], 7));
    expect(await store.importText(text)).toEqual({ ok: true, added: 1, alreadyThere: 1 });
  });

  it('changes nothing when a file is bad anywhere in it', async () => {
    await store.save(monday);
    const bad = { ...toHistoryFile([sunday], 7), sessions: [sunday, { ...monday, id: '' }] };
    const result = await store.importText(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    expect(await store.all()).toEqual([monday]);
  });

  it('deletes everything', async () => {
    await store.save(monday);
    await store.clear();
    expect(await store.all()).toEqual([]);
  });
});
