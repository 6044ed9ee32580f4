import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import {
  type HistoryFile,
  parseHistoryFile,
  type SessionRecord,
  sessionRecordSchema,
  toHistoryFile,
} from './session-record';

const DB_NAME = 'massage-coach';
const DB_VERSION = 1;

interface HistoryDb extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { startedAt: number } };
}

/** What an import did. */
export type ImportResult =
  | { ok: true; added: number; alreadyThere: number }
  | { ok: false; error: string };

/**
 * The session history, on this device only (IndexedDB). Every record is checked against the
 * history schema on the way in, from a session or from a file.
 */
export class HistoryStore {
  private constructor(private readonly db: IDBPDatabase<HistoryDb>) {}

  /** Opens (and on first use creates) the history database. */
  static async open(): Promise<HistoryStore> {
    const db = await openDB<HistoryDb>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        const store = database.createObjectStore('sessions', { keyPath: 'id' });
        store.createIndex('startedAt', 'startedAt');
      },
    });
    return new HistoryStore(db);
  }

  /** Adds (or replaces, by id) one session. */
  async save(record: SessionRecord): Promise<void> {
    await this.db.put('sessions', sessionRecordSchema.parse(record));
  }

  /** Every session, oldest first. */
  async all(): Promise<SessionRecord[]> {
    return this.db.getAllFromIndex('sessions', 'startedAt');
  }

  /** The whole history as a file to keep or move to another browser. */
  async exportFile(now = Date.now()): Promise<HistoryFile> {
    return toHistoryFile(await this.all(), now);
  }

  /**
   * Adds the sessions of a history file that are not there yet. The file is checked whole first,
   * and written in one transaction: a bad file changes nothing.
   */
  async importText(text: string): Promise<ImportResult> {
    const parsed = parseHistoryFile(text);
    if (!parsed.ok) return parsed;
    const tx = this.db.transaction('sessions', 'readwrite');
    let added = 0;
    let alreadyThere = 0;
    for (const session of parsed.file.sessions) {
      if (await tx.store.getKey(session.id)) alreadyThere++;
      else {
        await tx.store.add(session);
        added++;
      }
    }
    await tx.done;
    return { ok: true, added, alreadyThere };
  }

  /** Deletes every session. */
  async clear(): Promise<void> {
    await this.db.clear('sessions');
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Asks the browser to keep the history even when space runs low (it may say no; the history is
 * kept all the same, only less surely). Resolves to whether storage is persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    // NOTE: some browsers throw in private windows; the history still works for the session.
    return false;
  }
}
