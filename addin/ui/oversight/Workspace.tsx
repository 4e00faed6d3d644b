/**
 * The pane's two halves: 台帳 (the ledger check and sync, as before) and 計画・取りまとめ (plans,
 * hard cases and consolidation, by the role the service gives the token). The second one asks the
 * service nothing until it is opened, so the ledger pane works exactly as it did.
 */
import { useMemo, useState } from 'react';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { OversightController } from '../../oversight/controller.js';
import { usePane } from '../pane-context.js';
import { Pane } from '../Pane.js';
import { OversightContext } from './oversight-context.js';
import { OversightView } from './OversightView.js';

const useStyles = makeStyles({
  tabs: { paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

type Half = 'ledger' | 'oversight';

export function Workspace({ oversight }: { oversight?: OversightController }) {
  const pane = usePane();
  const styles = useStyles();
  const [half, setHalf] = useState<Half>('ledger');
  const ov = useMemo(
    () => oversight ?? new OversightController({ port: pane.port, t: pane.t, settings: () => pane.state.settings }),
    [oversight, pane],
  );
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={half}
        onTabSelect={(_, d) => setHalf(d.value as Half)}
        aria-label={pane.t('ov.workspace')}
      >
        <Tab value="ledger">{pane.t('ov.tab.ledger')}</Tab>
        <Tab value="oversight">{pane.t('ov.tab.oversight')}</Tab>
      </TabList>
      {half === 'ledger' ? (
        <Pane />
      ) : (
        <OversightContext.Provider value={ov}>
          <main className={styles.main}>
            <OversightView />
          </main>
        </OversightContext.Provider>
      )}
    </>
  );
}
