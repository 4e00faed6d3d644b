/**
 * The page at `/`: what this service is and where the add-in's manifest is. The manifest's support
 * and "learn more" links point here, so it must answer in Japanese without a token.
 */
import type { RequestHandler } from 'express';
import { RULESET_VERSION } from '../../domain/rules/catalogue.js';

const PAGE = `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>saiken 債権管理</title>
<style>body{font-family:system-ui,"Noto Sans CJK JP",sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#242424}
code{background:#f3f3f3;padding:0 .25rem}</style></head>
<body>
<h1>saiken（債権）</h1>
<p>債権管理台帳を Excel のまま点検し、局・全市で取りまとめるためのサービスです。</p>
<h2>アドインを使う</h2>
<ol>
<li>Excel のアドイン管理で、マニフェスト <a href="/addin/manifest.xml"><code>/addin/manifest.xml</code></a> を追加します（組織への展開は情報システム担当課が行います）。</li>
<li>ホーム タブの「債権チェック」を押し、作業ウィンドウの「送信」タブでこのサービスの URL と、配られたトークンを設定します。</li>
</ol>
<p>トークンの発行、証明書、組織への展開の手順は、配布物の <code>docs/deployment.md</code> にあります。</p>
<p lang="en">saiken checks municipal receivables ledgers inside Excel and consolidates them by bureau. Add the manifest above to Excel, then set this service's URL and your token in the task pane.</p>
<p><small>ルールセット版 ${RULESET_VERSION}</small></p>
</body>
</html>
`;

export const homePage: RequestHandler = (_req, res) => {
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.type('html').send(PAGE);
};
