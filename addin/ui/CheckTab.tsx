/** 「チェック」: run the check, see the summary, filter and walk through the findings; make the 対応リスト. */
import { useMemo } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { filterFindings } from '../state/filters.js';
import { usePane, usePaneState, useT } from './pane-context.js';
import { SummaryView } from './SummaryView.js';
import { FindingFilters } from './FindingFilters.js';
import { FindingsList } from './FindingsList.js';
import { FindingDetail } from './FindingDetail.js';
import { useTabStyles } from './tab-styles.js';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function CheckTab() {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const tab = useTabStyles();
  const check = usePaneState((s) => s.check);
  const flagsShown = usePaneState((s) => s.flagsShown);
  const filters = usePaneState((s) => s.filters);
  const selected = usePaneState((s) => s.selected);
  const worklist = usePaneState((s) => s.worklist);
  const result = check.result;
  const shown = useMemo(
    () => (result ? filterFindings(result.findings, filters, pane.yearKindOf) : []),
    [result, filters, pane],
  );
  const running = check.status === 'running';
  const rows = result?.summary.rows;
  return (
    <section className={tab.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void pane.check()}>
          {t('check.run')}
        </Button>
        {result && flagsShown && <Button onClick={() => void pane.clearFlags()}>{t('check.clearFlags')}</Button>}
        {result && !flagsShown && <Button onClick={() => void pane.showFlags()}>{t('check.showFlags')}</Button>}
        {result && pane.worklist.available && (
          <Button disabled={running || worklist.status === 'writing'} onClick={() => void pane.worklist.write()}>
            {t('worklist.make')}
          </Button>
        )}
      </div>
      {worklist.status === 'writing' && <Text size={200}>{t('worklist.writing')}</Text>}
      {worklist.status === 'done' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('worklist.done', { sheet: worklist.sheetName ?? '', count: worklist.debtors })}
          </MessageBarBody>
        </MessageBar>
      )}
      {running && (
        <Field
          validationMessage={t('check.progress', { percent: Math.round(check.progress * 100) })}
          validationState="none"
        >
          <ProgressBar value={check.progress} max={1} />
        </Field>
      )}
      {!result && !running && <Text>{t('check.prompt')}</Text>}
      {check.headerTouched && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{t('check.headerTouched')}</MessageBarBody>
        </MessageBar>
      )}
      {result && rows && (
        <>
          <Text size={200} block>
            {t('check.rows', { ...rows, asOf: result.analysis.asOf })}
            <br />
            {t('check.watching')}
          </Text>
          <SummaryView summary={result.summary} />
          <FindingFilters result={result} />
          <Text size={200} aria-live="polite">
            {result.findings.length === 0
              ? t('check.none')
              : t('check.count', { shown: shown.length, total: result.findings.length })}
          </Text>
          <FindingsList findings={shown} selected={selected} onSelect={(f) => void pane.selectFinding(f)} />
          {selected && <FindingDetail finding={selected} />}
        </>
      )}
    </section>
  );
}
