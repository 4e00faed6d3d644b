/**
 * Measuring what one large request does to everyone else: the event loop's longest stall (a
 * histogram of timer lateness, `monitorEventLoopDelay`) and `/healthz` answered while it runs.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface StallReport {
  /** The event loop's longest delay while the work ran, in ms. */
  maxStallMs: number;
  /**
   * The longest delay of an idle process's event loop over the same time: what the machine's load
   * (the database server on the same cores, the suite's other files) did to any process then.
   */
  machineStallMs: number;
  /**
   * How much the machine's load stretched a busy callback of another process meanwhile (1: not at
   * all), as the median and the 90th percentile of samples every 100 ms.
   */
  busyStretch: { median: number; p90: number };
  /** The slowest `/healthz` answer while the work ran, in ms. */
  maxHealthMs: number;
  healthChecks: number;
}

/**
 * The longest stall of an event loop that does nothing for `ms`: what the machine's own load
 * causes (other processes on the same cores), printed beside the measurements and allowed on top
 * of the limits, so that a crowded test machine does not fail the service for its neighbours.
 */
export async function idleStall(ms = 1500): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  await new Promise((r) => setTimeout(r, ms));
  h.disable();
  return h.max / 1e6;
}

/** A child process measuring something until asked; `read` ends it and gives what it saw. */
async function childProbe<T>(script: string): Promise<{ read(): Promise<T>; kill(): void }> {
  const body = `${script}
    process.stdin.once('data', () => { process.stdout.write(JSON.stringify(result())); process.exit(0); });
    process.stdout.write('ready ');`;
  const child = spawn(process.execPath, ['-e', body], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', () => out.startsWith('ready ') && resolve());
  });
  return {
    read: () =>
      new Promise<T>((resolve) => {
        child.once('close', () => resolve(JSON.parse(out.slice('ready '.length)) as T));
        child.stdin.write('x');
      }),
    kill: () => void child.kill(),
  };
}

/** An idle process: the longest delay of its event loop. */
const IDLE_STALL = `
  const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const result = () => { h.disable(); return h.max / 1e6; };`;

/**
 * A process that, every 100 ms, computes for 10 ms of its own CPU time and times it on the wall
 * clock: the ratios say how much the machine's load stretched a busy callback meanwhile. An idle
 * process's stall does not show it: a callback that computes for 30 ms alone takes 100 ms when
 * three processes share its core, without any single wait. The median and the 90th percentile:
 * the worst one sample is one unlucky preemption, not the load.
 */
const BUSY_STRETCH = `
  const ratios = [];
  const cpuMs = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
  let sink = 0;
  const spin = () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    while (cpuMs(c0) < 10) for (let i = 0; i < 10000; i++) sink = (sink * 31 + i) | 0;
    ratios.push((performance.now() - t0) / cpuMs(c0));
  };
  const timer = setInterval(spin, 100);
  const result = () => {
    clearInterval(timer);
    if (ratios.length === 0) spin();
    ratios.sort((a, b) => a - b);
    const at = (q) => Math.max(1, ratios[Math.min(ratios.length - 1, Math.floor(ratios.length * q))]);
    return { median: at(0.5), p90: at(0.9), sink };
  };`;

/** Runs `work` while probing the loop and polling `/healthz` every `everyMs`. */
export async function probeDuring<T>(
  url: string,
  work: () => Promise<T>,
  everyMs = 25,
): Promise<{ result: T; report: StallReport }> {
  const machine = await childProbe<number>(IDLE_STALL);
  const stretch = await childProbe<{ median: number; p90: number }>(BUSY_STRETCH);
  let machineStallMs = Number.NaN;
  let busyStretch: StallReport['busyStretch'] | undefined;
  const h = monitorEventLoopDelay({ resolution: 5 });
  let maxHealthMs = 0;
  let healthChecks = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const t = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/healthz ${res.status}`);
      maxHealthMs = Math.max(maxHealthMs, performance.now() - t);
      healthChecks++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  h.enable();
  try {
    const result = await work();
    const maxStallMs = h.max / 1e6;
    machineStallMs = await machine.read();
    busyStretch = await stretch.read();
    return { result, report: { maxStallMs, maxHealthMs, healthChecks, machineStallMs, busyStretch } };
  } finally {
    if (Number.isNaN(machineStallMs)) machine.kill();
    if (!busyStretch) stretch.kill();
    h.disable();
    running = false;
    await poll;
  }
}

/** A response body read chunk by chunk (no parse while measuring): its bytes, joined afterwards. */
export async function readBody(res: Response): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * One request made by another process (so that sending 20 MB or reading 17 MB is not work of the
 * measured event loop): the body from `bodyFile`, the answer's body written to `outFile`.
 */
export function requestFromChild(
  url: string,
  init: { method: string; token: string; contentType?: string; bodyFile?: string },
  outFile: string,
): Promise<{ status: number; body: Buffer }> {
  const script = `
    const fs = require('node:fs');
    const [url, method, token, type, bodyFile, outFile] = process.argv.slice(1);
    const headers = { Authorization: 'Bearer ' + token };
    if (type) headers['Content-Type'] = type;
    fetch(url, { method, headers, body: bodyFile ? fs.readFileSync(bodyFile) : undefined })
      .then(async (res) => {
        fs.writeFileSync(outFile, Buffer.from(await res.arrayBuffer()));
        process.stdout.write(String(res.status));
      })
      .catch((e) => { process.stderr.write(String(e)); process.exit(1); });`;
  const args = ['-e', script, url, init.method, init.token, init.contentType ?? '', init.bodyFile ?? '', outFile];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ status: Number(out), body: readFileSync(outFile) }) : reject(new Error(err)),
    );
  });
}
