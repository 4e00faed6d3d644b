/** The task pane's root: Fluent's light theme around the pane. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { PaneController } from '../state/pane-controller.js';
import { PaneContext } from './pane-context.js';
import { Pane } from './Pane.js';

export function App({ controller }: { controller: PaneController }) {
  return (
    <FluentProvider theme={webLightTheme} lang={controller.state.locale}>
      <PaneContext.Provider value={controller}>
        <Pane />
      </PaneContext.Provider>
    </FluentProvider>
  );
}
