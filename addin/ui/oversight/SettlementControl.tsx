/**
 * 前年度決算の確定 (finance only): ① of the bureau table is last fiscal year's settlement, headed
 * (見込) until finance marks it final here. Asks first; the sheets change on the next 取りまとめ.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { reiwa } from '../../oversight/review-controller.js';
import { useOv, useOversight } from './oversight-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function SettlementControl() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const fy = useOv((s) => s.fiscalYear) - 1;
  const settled = useOv((s) => s.review.flagged?.baselineSettled ?? null);
  const settle = useOv((s) => s.review.settle);
  if (settled === null) return null;
  const params = { fy, era: reiwa(fy) };
  return (
    <section className={styles.root} aria-label={t('ov.settle.title')} data-testid="settlement">
      <Text size={200}>{t(settled ? 'ov.settle.settled' : 'ov.settle.estimate', params)}</Text>
      {!settled && settle === 'idle' && (
        <div>
          <Button size="small" onClick={() => ov.review.askSettle()}>
            {t('ov.settle.button', params)}
          </Button>
        </div>
      )}
      {settle !== 'idle' && (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={t('ov.settle.title')}>
          <MessageBarBody>{t('ov.settle.confirm', params)}</MessageBarBody>
          <MessageBarActions>
            <div className={styles.actions}>
              <Button
                size="small"
                appearance="primary"
                disabled={settle === 'sending'}
                onClick={() => void ov.review.settle()}
              >
                {t('ov.settle.yes')}
              </Button>
              <Button size="small" disabled={settle === 'sending'} onClick={() => ov.review.cancelSettle()}>
                {t('ov.cancel')}
              </Button>
            </div>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
