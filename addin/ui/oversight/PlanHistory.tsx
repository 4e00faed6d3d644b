/** 計画の変更履歴: the plan's versions, newest first, each with when, who and what it changed. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Translate } from '../../i18n/messages.js';
import { yenText } from '../../oversight/amounts.js';
import { changesOf } from '../../oversight/plan-controller.js';
import { roleOf } from '../../oversight/state.js';
import type { PlanVersionT } from '../../oversight/schemas.js';
import { useOv, useOversight } from './oversight-context.js';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
});

const who = (t: Translate, v: PlanVersionT): string =>
  v.changedBy ? v.changedBy.label || t(`ov.role.${roleOf(v.changedBy.role)}`) : t('ov.history.unknown');

/** 「目標額・取組みを変更」, 「登録」 for the first version. */
function changeText(t: Translate, history: readonly PlanVersionT[], i: number): string {
  const parts = changesOf(history, i);
  if (parts === null) return t('ov.history.created');
  if (parts.length === 0) return t('ov.history.unchanged');
  return t('ov.history.changed', { parts: parts.map((p) => t(`ov.history.part.${p}`)).join('・') });
}

export function PlanHistory() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const history = useOv((s) => s.plan.history);
  if (history.length === 0) return null;
  return (
    <section aria-label={t('ov.history.title')}>
      <Text weight="semibold" as="h3" block>
        {t('ov.history.title')}
      </Text>
      <ul className={styles.list} aria-label={t('ov.history.title')}>
        {history.map((v, i) => (
          <li key={v.version} data-testid="plan-version">
            <Text size={200}>
              {t('ov.history.item', { version: v.version, at: v.changedAt.slice(0, 10), who: who(t, v) })}:{' '}
              {changeText(t, history, i)}（{t('ov.history.figures', { target: yenText(v.targetYen) })}）
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
