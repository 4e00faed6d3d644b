/** The task pane's root: Fluent's light theme around the pane (台帳) and 計画・取りまとめ. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { PaneController } from '../state/pane-controller.js';
import { PaneContext } from './pane-context.js';
import { Workspace } from './oversight/Workspace.js';

export function App({ controller }: { controller: PaneController }) {
  return (
    <FluentProvider theme={webLightTheme} lang={controller.state.locale}>
      <PaneContext.Provider value={controller}>
        <Workspace />
      </PaneContext.Provider>
    </FluentProvider>
  );
}
