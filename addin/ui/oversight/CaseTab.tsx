/** 処理困難事案 for a division: the form, and the division's own cases with status and answer. */
import { Button, Divider, Text } from '@fluentui/react-components';
import { useOv, useOversight } from './oversight-context.js';
import { NoticeBar } from './NoticeBar.js';
import { HardCaseForm } from './HardCaseForm.js';
import { HardCaseList } from './HardCaseList.js';
import { useTabStyles } from '../tab-styles.js';

export function CaseTab() {
  const ov = useOversight();
  const styles = useTabStyles();
  const slice = useOv((s) => s.cases);
  return (
    <section className={styles.root} aria-label={ov.t('ov.tab.cases')}>
      <NoticeBar notice={slice.notice} />
      <HardCaseForm />
      <Divider />
      <Text weight="semibold" as="h3">
        {ov.t('ov.case.mine')}
      </Text>
      <HardCaseList
        cases={slice.list}
        actions={(c) =>
          c.status !== 'closed' && (
            <div>
              <Button size="small" onClick={() => void ov.cases.close(c.id)}>
                {ov.t(c.status === 'open' ? 'ov.case.withdraw' : 'ov.case.close')}
              </Button>
            </div>
          )
        }
      />
    </section>
  );
}
