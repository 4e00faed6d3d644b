/**
 * Submissions not yet confirmed by the service. Each is written (all its parts) to the pane's
 * origin storage before the first part is sent and removed only when the service answers
 * 'applied', so a lost connection or a closed pane loses nothing, and a resend reuses the same
 * submissionId and parts (the service counts a submission once).
 */
import type { SubmissionPart } from '../../domain/sync/protocol.js';
import type { KeyValueStore } from './settings.js';

export interface OutboxEntry {
  submissionId: string;
  ledgerId: string;
  sheetId: string;
  /** Where it must go: never resent to another server. */
  serverUrl: string;
  createdAt: string;
  parts: SubmissionPart[];
}

const KEY = 'saiken.outbox.v1';

export class Outbox {
  /** Entries the storage refused (quota): kept for this session only. */
  private readonly memory: OutboxEntry[] = [];

  constructor(private readonly storage: KeyValueStore | null) {}

  list(): OutboxEntry[] {
    return [...this.stored(), ...this.memory];
  }

  /** Stores the entry; false when only kept in memory (then a closed pane loses it). */
  put(entry: OutboxEntry): boolean {
    const others = this.stored().filter((e) => e.submissionId !== entry.submissionId);
    try {
      if (!this.storage) throw new Error('no storage');
      this.storage.setItem(KEY, JSON.stringify([...others, entry]));
      return true;
    } catch {
      this.memory.push(entry);
      return false;
    }
  }

  remove(submissionId: string): void {
    const i = this.memory.findIndex((e) => e.submissionId === submissionId);
    if (i >= 0) this.memory.splice(i, 1);
    const stored = this.stored();
    const rest = stored.filter((e) => e.submissionId !== submissionId);
    if (rest.length === stored.length) return;
    if (rest.length === 0) this.storage?.removeItem(KEY);
    else this.storage?.setItem(KEY, JSON.stringify(rest));
  }

  private stored(): OutboxEntry[] {
    try {
      const v: unknown = JSON.parse(this.storage?.getItem(KEY) ?? '[]');
      return Array.isArray(v) ? (v as OutboxEntry[]).filter((e) => typeof e?.submissionId === 'string') : [];
    } catch {
      return [];
    }
  }
}
