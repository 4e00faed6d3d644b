/*
 * The pane's boot guard: a plain ES5 script (Internet Explorer 11 must be able to parse it) that
 * taskpane.html loads before office.js and the bundle, so that a pane that cannot start says why
 * instead of staying blank:
 * - office.js did not load (blocked on a closed network): which URL, what to allow, or `--office-js self`;
 * - Office.onReady has not come within 10 s (the files office.js loads next were blocked);
 * - Excel below ExcelApi 1.9, or a webview that is Internet Explorer: which Office versions work.
 * It watches the office.js tags (data-office-js) fail to load; with `cdn`, fallback.js (after
 * office.js) asks it whether to try the legacy host. Japanese, English when the browser's language
 * is not Japanese.
 */
/* global window, document, navigator, location, setTimeout, clearTimeout, Office */
(function () {
  'use strict';

  var READY_TIMEOUT_MS = 10000;
  var NOTICE_ID = 'saiken-boot-notice';
  var scripts = document.getElementsByTagName('script');
  var self = document.currentScript || scripts[scripts.length - 1];
  var source = self.getAttribute('data-source') || 'cdn';
  /** The office.js URLs that failed to load. */
  var failed = [];
  var language = navigator.language || navigator.userLanguage || '';
  var ja = /^ja(-|$)/i.test(language);

  var TEXT = {
    ja: {
      notLoadedTitle: '作業ウィンドウを開けません: office.js を読み込めませんでした',
      notLoaded:
        'Excel と連携するための Microsoft のスクリプト（office.js）を、次の場所から読み込めませんでした。ネットワークで遮断されている可能性があります。',
      notReadyTitle: '作業ウィンドウを開けません: Office の準備が整いません',
      notReady:
        'office.js は読み込めましたが、10 秒たっても Office の準備が整いません。office.js が続けて読み込むファイル（同じ場所の Excel 用スクリプトや言語ファイル）が遮断されている可能性があります。読み込み元:',
      reopen: '作業ウィンドウを閉じて、開き直してください。',
      forAdmin: '情報システム担当の方へ',
      allow: '次のホストへの HTTPS の通信（{ports}）を、プロキシやファイアウォールで許可してください:',
      useSelf:
        'インターネットに接続できないネットワーク（LGWAN 接続系など）では、サービスを {command} で起動すると、office.js をこのサービスから配信します（外部への通信は不要になります）。',
      mirror: '社内ミラーが office.js と、同じフォルダーの関連ファイルを配信しているかも確かめてください。',
      selfBroken:
        'このサービスが office.js を配信できていません。サービスの {healthz} で officeJs の状態を確かめ、サービスのフォルダーで npm install を実行してから、サービスを再起動してください。',
      port: 'ポート {port}',
      oldTitle: 'この Office では使えません',
      oldExcel: 'このアドインには、Excel の JavaScript API（ExcelApi）1.9 以降が必要です。',
      oldWebview:
        'この Office は作業ウィンドウの表示に Internet Explorer を使っているため、このアドインを動かせません。',
      versions:
        '使える Office: Microsoft 365 の Excel（Windows・Mac・Web）、または Office 2021 以降の Excel。Office 2016・2019 では動きません。',
      askUpdate: 'Office の更新は、情報システム担当にご相談ください。',
    },
    en: {
      notLoadedTitle: 'The pane cannot open: office.js could not be loaded',
      notLoaded:
        'Microsoft’s script that connects the pane to Excel (office.js) could not be loaded from the following location. The network may be blocking it.',
      notReadyTitle: 'The pane cannot open: Office is not ready',
      notReady:
        'office.js was loaded, but Office has not become ready within 10 seconds. The files office.js loads next (the Excel script and language files beside it) may be blocked. Loaded from:',
      reopen: 'Close the pane and open it again.',
      forAdmin: 'For IT administrators',
      allow: 'Allow HTTPS ({ports}) to the following hosts through the proxy and firewall:',
      useSelf:
        'On networks without internet access (such as LGWAN), start the service with {command}: it then serves office.js itself and nothing outside is needed.',
      mirror: 'Also check that the internal mirror serves office.js and the files beside it.',
      selfBroken:
        'This service is not serving office.js. Check officeJs at the service’s {healthz}, run npm install in the service’s folder, then restart the service.',
      port: 'port {port}',
      oldTitle: 'This version of Office is not supported',
      oldExcel: 'This add-in needs the Excel JavaScript API (ExcelApi) 1.9 or later.',
      oldWebview: 'This Office shows add-ins with Internet Explorer, which cannot run this add-in.',
      versions:
        'Supported: Excel in Microsoft 365 (Windows, Mac, web), or Excel 2021 or later. Office 2016 and 2019 are not supported.',
      askUpdate: 'Ask your IT department about updating Office.',
    },
  }[ja ? 'ja' : 'en'];

  function format(text, params) {
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return params[name] === undefined ? m : params[name];
    });
  }

  /** The office.js URLs this page asked for (the fallback too, once written). */
  function officeJsUrls() {
    var urls = [];
    var tags = document.querySelectorAll('script[data-office-js]');
    for (var i = 0; i < tags.length; i++) urls.push(tags[i].src);
    return urls;
  }

  function isOfficeJsTag(node) {
    return !!node && node.tagName === 'SCRIPT' && node.hasAttribute('data-office-js');
  }

  /** Every office.js tag so far failed to load (a tag's load error does not bubble: caught on the way down). */
  function officeJsFailed() {
    var urls = officeJsUrls();
    for (var i = 0; i < urls.length; i++) if (failed.indexOf(urls[i]) < 0) return false;
    return urls.length > 0;
  }

  function noteLoadError(event) {
    if (isOfficeJsTag(event.target)) failed.push(event.target.src);
  }

  window.addEventListener('error', noteLoadError, true);
  window.__saikenBoot = { officeJsFailed: officeJsFailed };

  function hostOf(url) {
    var a = document.createElement('a');
    a.href = url;
    return {
      host: a.hostname,
      port: a.port || (a.protocol === 'http:' ? '80' : '443'),
      origin: a.protocol + '//' + a.host,
    };
  }

  function element(tag, text, parent) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (parent) parent.appendChild(e);
    return e;
  }

  /** A URL, host or command: it may break anywhere, the pane is narrow. */
  function code(text, parent) {
    element('code', text, parent).style.cssText = 'word-break:break-all';
  }

  function list(items, parent) {
    var ul = element('ul', '', parent);
    for (var i = 0; i < items.length; i++) code(items[i], element('li', '', ul));
  }

  /** Replaces whatever notice is shown; the pane's own content is hidden behind it. */
  function show(title, build) {
    var old = document.getElementById(NOTICE_ID);
    if (old) old.parentNode.removeChild(old);
    var box = document.createElement('div');
    box.id = NOTICE_ID;
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', ja ? 'ja' : 'en');
    box.style.cssText =
      'font-family:"Segoe UI","Yu Gothic UI","Meiryo",sans-serif;font-size:14px;line-height:1.6;padding:12px;color:#242424';
    element('h1', title, box).style.cssText = 'font-size:16px;margin:0 0 8px';
    build(box);
    var root = document.getElementById('root');
    if (root) root.style.display = 'none';
    document.body.insertBefore(box, document.body.firstChild);
  }

  function hide() {
    var box = document.getElementById(NOTICE_ID);
    if (box) box.parentNode.removeChild(box);
    var root = document.getElementById('root');
    if (root) root.style.display = '';
  }

  /** What the administrator can do, for the source the service was started with. */
  function adminAdvice(box, urls) {
    element('h2', TEXT.forAdmin, box).style.cssText = 'font-size:14px;margin:12px 0 4px';
    if (source === 'self') {
      element('p', format(TEXT.selfBroken, { healthz: hostOf(urls[0] || location.href).origin + '/healthz' }), box);
      return;
    }
    var hosts = [];
    var ports = [];
    for (var i = 0; i < urls.length; i++) {
      var h = hostOf(urls[i]);
      if (hosts.indexOf(h.host) < 0) hosts.push(h.host);
      if (ports.indexOf(h.port) < 0) ports.push(h.port);
    }
    element('p', format(TEXT.allow, { ports: format(TEXT.port, { port: ports.join(', ') }) }), box);
    list(hosts, box);
    if (source === 'url') element('p', TEXT.mirror, box);
    var parts = TEXT.useSelf.split('{command}');
    var p = element('p', parts[0], box);
    code('saiken serve --office-js self', p);
    p.appendChild(document.createTextNode(parts[1]));
  }

  function showNotLoaded() {
    var urls = failed.length > 0 ? failed : officeJsUrls();
    show(TEXT.notLoadedTitle, function (box) {
      element('p', TEXT.notLoaded, box);
      list(urls, box);
      adminAdvice(box, urls);
    });
  }

  function showNotReady() {
    var urls = [];
    var asked = officeJsUrls();
    for (var i = 0; i < asked.length; i++) if (failed.indexOf(asked[i]) < 0) urls.push(asked[i]);
    show(TEXT.notReadyTitle, function (box) {
      element('p', TEXT.notReady, box);
      list(urls, box);
      element('p', TEXT.reopen, box);
      adminAdvice(box, urls);
    });
  }

  function showOldOffice(reason) {
    show(TEXT.oldTitle, function (box) {
      element('p', reason, box);
      element('p', TEXT.versions, box);
      element('p', TEXT.askUpdate, box);
    });
  }

  /** Internet Explorer (Office 2016/2019's webview): it cannot run the pane's bundle. */
  function isInternetExplorer() {
    return !!document.documentMode || typeof window.Promise === 'undefined' || typeof window.fetch === 'undefined';
  }

  function excelTooOld(info) {
    if (!info || info.host !== 'Excel') return false;
    var requirements = Office.context && Office.context.requirements;
    return !!requirements && !requirements.isSetSupported('ExcelApi', '1.9');
  }

  function watchReady() {
    var ready = false;
    var timer = setTimeout(function () {
      if (!ready) showNotReady();
    }, READY_TIMEOUT_MS);
    Office.onReady(function (info) {
      ready = true;
      clearTimeout(timer);
      hide(); // a late ready: the pane starts after all
      if (excelTooOld(info)) showOldOffice(TEXT.oldExcel);
    });
  }

  function check() {
    if (isInternetExplorer()) showOldOffice(TEXT.oldWebview);
    else if (officeJsFailed() || typeof Office === 'undefined') showNotLoaded();
    else watchReady();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
  else check();
})();
