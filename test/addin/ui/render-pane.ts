/** Renders the whole pane around a fake port, as main.tsx does, and waits for it to start. */
import { createElement } from 'react';
import { act, render } from '@testing-library/react';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { App } from '../../../addin/ui/index.js';
import { PaneController, type PaneOptions } from '../../../addin/state/pane-controller.js';
import type { FakePort } from '../fake-port.js';
import { AS_OF, memoryStorage } from '../ledger.js';

export async function renderPane(port: FakePort, options: PaneOptions = {}) {
  const controller = new PaneController(port, {
    storage: memoryStorage(),
    asOf: () => AS_OF,
    ...options,
  });
  // Griffel's atomic CSS goes to a detached document: jsdom's getComputedStyle (behind every role
  // query) slows down with each rule in the page, and the tests do not look at styles.
  const renderer = createDOMRenderer(document.implementation.createHTMLDocument('styles'));
  const view = render(createElement(RendererProvider, { renderer, children: createElement(App, { controller }) }));
  await act(() => controller.start());
  return { controller, ...view };
}

/** Runs a UI action and waits until the pane's queued work is done. */
export async function settle(controller: PaneController, action: () => unknown = () => {}) {
  await act(async () => {
    await action();
    await controller.whenIdle();
  });
}

/** A mapped workbook (document state) for "second open" tests. */
export async function mappedDoc(port: FakePort, claimType = '保育料'): Promise<Map<string, string>> {
  const p = new PaneController(port, { storage: memoryStorage(), asOf: () => AS_OF });
  await p.start();
  p.setClaimType(claimType);
  await p.confirmMapping();
  return port.doc;
}
