/** The work on a mapped sheet: チェック, 分析, 送信, and 延滞金の計算. */
import { useState } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { usePaneState, useT } from './pane-context.js';
import { PersonalNumberNotice } from './PersonalNumberNotice.js';
import { CheckTab } from './CheckTab.js';
import { AnalysisTab } from './AnalysisTab.js';
import { SyncTab } from './SyncTab.js';
import { LateChargeTab } from './LateChargeTab.js';

type TabId = 'check' | 'analysis' | 'sync' | 'lateCharge';

export function MainTabs() {
  const t = useT();
  const [tab, setTab] = useState<TabId>('check');
  const config = usePaneState((s) => s.config);
  return (
    <>
      {config && <PersonalNumberNotice mapping={config.mapping} />}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        <Tab value="check">{t('tab.check')}</Tab>
        <Tab value="analysis">{t('tab.analysis')}</Tab>
        <Tab value="sync">{t('tab.sync')}</Tab>
        <Tab value="lateCharge">{t('tab.lateCharge')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t(`tab.${tab}`)}>
        {tab === 'check' && <CheckTab />}
        {tab === 'analysis' && <AnalysisTab />}
        {tab === 'sync' && <SyncTab />}
        {tab === 'lateCharge' && <LateChargeTab />}
      </div>
    </>
  );
}
