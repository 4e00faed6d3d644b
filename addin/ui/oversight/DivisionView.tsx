/** A division's work: 計画 (annual plan, progress, review, finance's proposal) and 処理困難事案. */
import { useState } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { useOversight } from './oversight-context.js';
import { PlanTab } from './PlanTab.js';
import { CaseTab } from './CaseTab.js';

type Part = 'plan' | 'cases';

export function DivisionView() {
  const ov = useOversight();
  const [part, setPart] = useState<Part>('plan');
  return (
    <>
      <TabList size="small" selectedValue={part} onTabSelect={(_, d) => setPart(d.value as Part)}>
        <Tab value="plan">{ov.t('ov.tab.plan')}</Tab>
        <Tab value="cases">{ov.t('ov.tab.cases')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={ov.t(part === 'plan' ? 'ov.tab.plan' : 'ov.tab.cases')}>
        {part === 'plan' ? <PlanTab /> : <CaseTab />}
      </div>
    </>
  );
}
