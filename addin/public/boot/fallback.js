/*
 * With `--office-js cdn`, loaded right after office.js: when Microsoft's current host could not be
 * loaded (as guard.js saw), the legacy host (data-fallback) is tried. Written into the page while it
 * is still being parsed, so office.js is there before the bundle runs. Plain ES5, as guard.js.
 */
/* global window, document */
(function () {
  'use strict';

  var scripts = document.getElementsByTagName('script');
  var self = document.currentScript || scripts[scripts.length - 1];
  var fallback = self.getAttribute('data-fallback');
  var boot = window.__saikenBoot;
  if (fallback && boot && boot.officeJsFailed()) {
    document.write('<script src="' + fallback.replace(/"/g, '&quot;') + '" data-office-js></' + 'script>');
  }
})();
