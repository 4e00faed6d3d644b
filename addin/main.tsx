/** Entry point: in Excel, the Office.js adapter; in a plain browser (tests), a port put on `window.__saikenPort`. */
import { createRoot } from 'react-dom/client';
import type { WorkbookPort } from './excel/workbook-port.js';
import { createOfficeAdapter } from './excel/office-adapter.js';
import { PaneController } from './state/pane-controller.js';
import { App } from './ui/App.js';

declare global {
  interface Window {
    __saikenPort?: WorkbookPort;
  }
}

function mount(port: WorkbookPort | undefined): void {
  if (!port) return;
  const controller = new PaneController(port);
  createRoot(document.getElementById('root')!).render(<App controller={controller} />);
  void controller.start();
}

if (typeof Office === 'undefined') mount(window.__saikenPort);
else void Office.onReady((info) => mount(info.host ? createOfficeAdapter() : window.__saikenPort));
