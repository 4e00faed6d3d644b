/** Starts `child-service.ts` in its own process, so a test can SIGKILL the service mid-write. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildService {
  url: string;
  /** Only on a new database. */
  adminToken: string | null;
  process: ChildProcess;
  /** Resolves when the process has gone. */
  exited: Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./child-service.ts', import.meta.url));

export async function spawnService(database: string): Promise<ChildService> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, database], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`service exited (${code}): ${stderr}`)));
  });
  const info = JSON.parse(first) as { url: string; adminToken: string | null };
  return {
    ...info,
    process: child,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
