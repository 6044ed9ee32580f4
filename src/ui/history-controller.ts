import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { practised } from '../history/history-stats';
import { HistoryStore, requestPersistentStorage } from '../history/history-store';
import { MAX_HISTORY_FILE_BYTES, type SessionRecord } from '../history/session-record';
import { downloadBlob } from './download';
import type { SessionObserver } from './session-controller';

/**
 * The history for a lit host: keeps each finished live session (a session observer), and loads,
 * exports, imports and deletes the history for its screen. Failures become messages, never
 * exceptions: a history that cannot be kept must not stop a session.
 */
export class HistoryController implements ReactiveController, SessionObserver {
  /** The sessions, oldest first, once loaded. */
  records: readonly SessionRecord[] = [];
  /** The outcome of the last action, for the screen to announce. */
  message: { text: string; tone: 'good' | 'bad' } | null = null;
  /** Whether the last finished session was kept (null: none yet, or not worth keeping). */
  lastSaved: boolean | null = null;
  /** Whether the browser promised to keep the history. */
  persistent: boolean | null = null;
  /** When the history was last read (ms since the epoch): the "today" of its screen. */
  loadedAt = Date.now();

  private store: Promise<HistoryStore> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    void this.store?.then((store) => store.close()).catch(() => undefined);
    this.store = null;
  }

  private open(): Promise<HistoryStore> {
    this.store ??= HistoryStore.open();
    // A failed open is tried again next time (it may be a passing lock or a private window).
    this.store.catch(() => {
      this.store = null;
    });
    return this.store;
  }

  /** Keeps a finished session, if anything was done in it. */
  finished(record: SessionRecord): void {
    this.lastSaved = null;
    if (practised(record)) void this.save(record);
  }

  private async save(record: SessionRecord): Promise<void> {
    try {
      const store = await this.open();
      await store.save(record);
      this.lastSaved = true;
      this.persistent ??= await requestPersistentStorage();
    } catch {
      this.lastSaved = false;
    }
    this.host.requestUpdate();
  }

  /** Reads the history for its screen. */
  async load(): Promise<void> {
    try {
      this.records = await (await this.open()).all();
      this.loadedAt = Date.now();
      this.persistent = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
    } catch {
      this.records = [];
      this.message = {
        text: 'Your history cannot be read in this browser window (private browsing can block it).',
        tone: 'bad',
      };
    }
    this.host.requestUpdate();
  }

  /** Downloads the whole history as a JSON file. */
  async exportFile(): Promise<void> {
    try {
      const file = await (await this.open()).exportFile();
      downloadBlob(
        new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }),
        `massage-coach-history-${new Date().toISOString().slice(0, 10)}.json`,
      );
      this.message = {
        text: `Exported ${file.sessions.length} sessions to your downloads.`,
        tone: 'good',
      };
    } catch {
      this.message = { text: 'The history could not be exported.', tone: 'bad' };
    }
    this.host.requestUpdate();
  }

  /** Adds the sessions of a history file; a bad file changes nothing and says why. */
  async importFile(file: Blob): Promise<void> {
    // NOTE: the size is checked before reading, so a huge file is never loaded into memory.
    const result =
      file.size > MAX_HISTORY_FILE_BYTES
        ? {
            ok: false as const,
            error: 'This file is too large to be a history file from this app.',
          }
        : await (await this.open()).importText(await file.text()).catch(() => ({
            ok: false as const,
            error: 'The history could not be written in this browser window.',
          }));
    this.message = result.ok
      ? {
          text: `Imported ${result.added} sessions${result.alreadyThere ? ` (${result.alreadyThere} were already here)` : ''}.`,
          tone: 'good',
        }
      : { text: `Nothing was imported. ${result.error}`, tone: 'bad' };
    await this.load();
  }

  /** Deletes every session. */
  async clear(): Promise<void> {
    try {
      await (await this.open()).clear();
      this.message = { text: 'Your history was deleted.', tone: 'good' };
    } catch {
      this.message = { text: 'The history could not be deleted.', tone: 'bad' };
    }
    await this.load();
  }
}
