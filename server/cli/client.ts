/**
 * The command line's calls to the service (`saiken plans …`, `saiken report …`): the server and
 * token options and one request. Failures are CliErrors: the program prints their one Japanese
 * line and exits 2. Certificates are verified unless `--insecure` is given (a development
 * service's self-signed certificate).
 */
import { request as httpsRequest } from 'node:https';
import type { Command } from 'commander';
import { CliError } from './errors.js';

export interface ServerOptions {
  server?: string;
  token?: string;
  insecure?: boolean;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** No answer from the service (refused, timed out, an unverifiable certificate): worth trying again later. */
export class ConnectionError extends CliError {}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TIMEOUT_MS = 120_000;

export function addServerOptions(cmd: Command): Command {
  return cmd
    .option('--server <url>', 'サービスの URL（既定: 環境変数 SAIKEN_SERVER）')
    .option('--token <token>', 'アクセストークン（既定: 環境変数 SAIKEN_TOKEN）')
    .option('--insecure', '自己署名の証明書を受け入れる（開発用のサービスに限って使ってください）', false);
}

/** Writes through commander's configured output (the program sends it to its CliIO). */
export function print(cmd: Command, text: string): void {
  const write = cmd.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
  write(text.endsWith('\n') ? text : `${text}\n`);
}

function endpoint(o: ServerOptions, path: string): { url: URL; token: string } {
  const server = o.server ?? process.env.SAIKEN_SERVER;
  const token = o.token ?? process.env.SAIKEN_TOKEN;
  if (!server) throw new CliError('--server でサービスの URL を指定してください。');
  if (!token) throw new CliError('--token でアクセストークンを指定してください。');
  let url: URL;
  try {
    url = new URL(path, server.endsWith('/') ? server : `${server}/`);
  } catch {
    throw new CliError(`サービスの URL が正しくありません: ${server}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new CliError('サービスには https:// で接続してください（http:// は自分のマシンのサービスに限ります）。');
  }
  return { url, token };
}

export async function callApi(
  o: ServerOptions,
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: Uint8Array; contentType?: string } = {},
): Promise<ApiResponse> {
  const { url, token } = endpoint(o, path);
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  const method = init.method ?? 'GET';
  try {
    if (o.insecure && url.protocol === 'https:') return await insecureRequest(url, method, headers, init.body);
    const res = await fetch(url, { method, headers, body: init.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: Buffer.from(await res.arrayBuffer()),
    };
  } catch (err) {
    throw new ConnectionError(connectionProblem(err, url));
  }
}

function connectionProblem(err: unknown, url: URL): string {
  const code = String(
    (err as { cause?: { code?: string }; code?: string })?.cause?.code ?? (err as { code?: string })?.code ?? '',
  );
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return `サービスの証明書を検証できません（${code}）。開発用の自己署名証明書なら --insecure を付けてください。`;
  }
  if ((err as Error)?.name === 'TimeoutError') return `サービスが応答しません（${url.origin}）。`;
  return `サービスに接続できません（${url.origin}${code ? `、${code}` : ''}）。`;
}

function insecureRequest(url: URL, method: string, headers: Record<string, string>, body?: Uint8Array) {
  return new Promise<ApiResponse>((resolve, reject) => {
    const req = httpsRequest(url, { method, headers, rejectUnauthorized: false, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  });
}

/** The service's Japanese message for a failed request, or one made from the status. */
export function responseFailure(res: ApiResponse): CliError {
  let message: string | undefined;
  try {
    message = (JSON.parse(res.body.toString('utf8')) as { message?: string }).message;
  } catch {
    message = undefined;
  }
  return new CliError(message ?? `サービスがエラーを返しました（HTTP ${res.status}）。`);
}
