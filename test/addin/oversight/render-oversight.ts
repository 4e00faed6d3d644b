/** Renders the pane's workspace around a fake service and opens 計画・取りまとめ, as a user would. */
import { createElement } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from '@fluentui/react-components';
import type { WorkbookPort } from '../../../addin/excel/workbook-port.js';
import { OversightController } from '../../../addin/oversight/controller.js';
import { PaneController } from '../../../addin/state/pane-controller.js';
import { PaneContext } from '../../../addin/ui/pane-context.js';
import { Workspace } from '../../../addin/ui/oversight/index.js';
import { FakePort } from '../fake-port.js';
import { AS_OF, hoikuryo, memoryStorage } from '../ledger.js';
import type { FakeOversight } from './fake-oversight.js';
import { NOW, SERVER, TOKEN } from './setup.js';

export async function renderOversight(service: FakeOversight, opts: { port?: WorkbookPort } = {}) {
  const port = opts.port ?? new FakePort(hoikuryo());
  const pane = new PaneController(port, { storage: memoryStorage(), asOf: () => AS_OF });
  pane.sync.saveSettings({ serverUrl: SERVER, token: TOKEN });
  const ov = new OversightController({
    port,
    t: pane.t,
    settings: () => pane.state.settings,
    fetch: service.fetch,
    now: () => NOW,
  });
  // Griffel's CSS to a detached document (see render-pane.ts): role queries stay fast.
  const renderer = createDOMRenderer(document.implementation.createHTMLDocument('styles'));
  const tree = createElement(
    FluentProvider,
    { theme: webLightTheme },
    createElement(PaneContext.Provider, { value: pane }, createElement(Workspace, { oversight: ov })),
  );
  const view = render(createElement(RendererProvider, { renderer, children: tree }));
  await settle(ov, () => fireEvent.click(screen.getByRole('tab', { name: /^計画・取りまとめ/ })));
  return { ov, pane, ...view };
}

/** Runs a UI action, lets React run its effects, and waits until the controller's work is done. */
export async function settle(ov: OversightController, action: () => unknown = () => {}) {
  await act(async () => {
    await action();
  });
  await act(() => ov.whenIdle());
}
