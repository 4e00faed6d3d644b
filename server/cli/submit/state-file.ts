/**
 * What `saiken submit` keeps on the clerk's machine, one small JSON file per ledger id: the row state
 * the service last acknowledged (revision, row keys and short row hashes, as the pane keeps it in
 * the workbook), a digest of the last applied submission's header, and the submission not yet
 * acknowledged (its id, base revision and a digest of its parts). Hashes and ids only: never a
 * cell's text, never the token. Each write goes to a temporary file that is then renamed over the
 * old one, so an interrupted write leaves the previous state.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { HEX_DIGEST } from '../../../domain/sync/values.js';
import { emptyRowState, pack, PACKED_ROWS, unpack, type RowState } from '../../../domain/sync/row-state.js';
import { CliError } from '../errors.js';

/** A submission kept until the service answers 'applied'. */
export interface Pending {
  submissionId: string;
  baseRevision: number;
  /** SHA-256 of its parts without their id: resent under the same id only when the new parts are the same. */
  content: string;
  createdAt: string;
}

export interface LedgerState {
  /** The service (its origin) the state is about; another service's state is not ours. */
  server: string;
  rows: RowState;
  /** SHA-256 of the header (基準日, rule set, ledger info) of the last applied submission. */
  basis: string | null;
  pending: Pending | null;
}

const Stored = z.object({
  v: z.literal(1),
  server: z.string(),
  revision: z.number().int().min(0),
  rows: z.string().regex(PACKED_ROWS),
  basis: z.string().regex(HEX_DIGEST).nullable(),
  pending: z
    .object({
      submissionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
      baseRevision: z.number().int().min(0),
      content: z.string().regex(HEX_DIGEST),
      createdAt: z.string().max(40),
    })
    .nullable(),
});

/** The per-user directory: %LOCALAPPDATA%\saiken, $XDG_STATE_HOME/saiken or ~/.local/state/saiken. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(env.USERPROFILE ?? homedir(), 'AppData', 'Local'), 'saiken');
  }
  const xdg = env.XDG_STATE_HOME;
  return xdg && xdg.startsWith('/') ? join(xdg, 'saiken') : join(homedir(), '.local', 'state', 'saiken');
}

export class StateFile {
  readonly path: string;

  constructor(
    private readonly dir: string,
    ledgerId: string,
    private readonly unusable: (path: string, code: string) => string,
  ) {
    this.path = join(dir, `${ledgerId}.json`);
  }

  /** The state kept for this ledger and service; a fresh one when none is (or it is another service's). */
  async load(server: string): Promise<LedgerState> {
    const fresh: LedgerState = { server, rows: emptyRowState(), basis: null, pending: null };
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return fresh;
      throw new CliError(this.unusable(this.path, codeOf(e)));
    }
    let parsed: z.infer<typeof Stored>;
    try {
      parsed = Stored.parse(JSON.parse(text));
    } catch {
      // Unreadable: start afresh. The service catches us up (409, then rows?since=0); nothing is lost.
      return fresh;
    }
    if (parsed.server !== server) return fresh;
    return {
      server,
      rows: { revision: parsed.revision, rows: unpack(parsed.rows) },
      basis: parsed.basis,
      pending: parsed.pending,
    };
  }

  async save(state: LedgerState): Promise<void> {
    const body: z.infer<typeof Stored> = {
      v: 1,
      server: state.server,
      revision: state.rows.revision,
      rows: pack(state.rows.rows),
      basis: state.basis,
      pending: state.pending,
    };
    const tmp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const file = await open(tmp, 'w', 0o600);
      try {
        await file.writeFile(JSON.stringify(body));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, this.path);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new CliError(this.unusable(this.path, codeOf(e)));
    }
  }
}

const codeOf = (e: unknown) => (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
