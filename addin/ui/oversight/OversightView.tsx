/**
 * 計画・取りまとめ: the service settings when missing, the fiscal year, and the view of the role the
 * service gives the token: a division's 計画 and 処理困難事案, or accounting's and finance's 取りまとめ.
 */
import { useEffect } from 'react';
import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Translate } from '../../i18n/messages.js';
import type { Role } from '../../oversight/state.js';
import { usePaneState } from '../pane-context.js';
import { SyncSettingsForm } from '../SyncSettingsForm.js';
import { useOv, useOversight } from './oversight-context.js';
import { NoticeBar } from './NoticeBar.js';
import { DivisionView } from './DivisionView.js';
import { ConsolidationView } from './ConsolidationView.js';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

export function FiscalYearPicker() {
  const ov = useOversight();
  const fy = useOv((s) => s.fiscalYear);
  const years = [fy - 2, fy - 1, fy, fy + 1];
  return (
    <Field label={ov.t('ov.fiscalYear')} size="small">
      <Select size="small" value={String(fy)} onChange={(_, d) => void ov.setFiscalYear(Number(d.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {ov.t('ov.fy', { fy: y })}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** 「子ども青少年局 保育運営課（所管課）として…」, or the role alone for finance. */
function whoText(t: Translate, me: { bureau: string | null; division: string | null }, role: Role | null): string {
  const who = [me.bureau, me.division].filter(Boolean).join(' ');
  const r = t(`ov.role.${role ?? 'other'}`);
  return who ? t('ov.who', { who, role: r }) : t('ov.whoRole', { role: r });
}

export function OversightView() {
  const ov = useOversight();
  const styles = useStyles();
  const status = useOv((s) => s.status);
  const role = useOv((s) => s.role);
  const me = useOv((s) => s.me);
  const notice = useOv((s) => s.notice);
  const settings = usePaneState((s) => s.settings);
  // Who we are, again whenever the settings change (a new token may be another role).
  useEffect(() => {
    void ov.startIfNeeded();
  }, [ov, settings]);
  const configured = ov.configured();
  return (
    <>
      <div className={styles.head}>
        <FiscalYearPicker />
        <Button size="small" disabled={!configured || status === 'loading'} onClick={() => void ov.start()}>
          {ov.t('ov.reload')}
        </Button>
      </div>
      {me && <Text size={200}>{whoText(ov.t, me, role)}</Text>}
      <NoticeBar notice={notice} />
      {status === 'loading' && <Spinner size="small" label={ov.t('common.loading')} />}
      {status === 'ready' && role === 'division' && <DivisionView />}
      {status === 'ready' && (role === 'accounting' || role === 'finance') && <ConsolidationView />}
      {status === 'ready' && role === 'other' && <NoticeBar notice={{ intent: 'info', text: ov.t('ov.otherRole') }} />}
      {(!configured || status === 'error') && <SyncSettingsForm />}
    </>
  );
}
