/**
 * One finding: where, which rule (its title, the id small beside it), how severe, and what to do;
 * its legal basis on hover or focus.
 */
import { Text, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../domain/engine/types.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import { usePaneState, useT } from './pane-context.js';
import { SeverityBadge } from './SeverityBadge.js';

const useStyles = makeStyles({
  button: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: 'transparent',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0, maxWidth: '100%' },
  fixed: { flexShrink: 0, whiteSpace: 'nowrap' },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: '4em' },
  // The id is for reference only: small, grey, and the first thing to give way in a narrow pane.
  id: {
    flexShrink: 1000,
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  message: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
});

export function FindingItem(props: { finding: Finding; selected: boolean; onSelect: (f: Finding) => void }) {
  const { finding: f, selected, onSelect } = props;
  const t = useT();
  const styles = useStyles();
  const locale = usePaneState((s) => s.locale);
  const { basis, title } = ruleById(f.rule);
  const where = f.column ? t('finding.cell', { row: f.row, column: f.column }) : t('finding.row', { row: f.row });
  return (
    <Tooltip
      content={basis ? t('finding.basis', { basis: basis[locale] }) : t('finding.noBasis')}
      relationship="description"
      positioning="below-start"
    >
      <button
        type="button"
        className={mergeClasses(styles.button, selected && styles.selected)}
        aria-current={selected || undefined}
        onClick={() => onSelect(f)}
        data-row={f.row}
        data-rule={f.rule}
      >
        <span className={styles.head}>
          <span className={styles.fixed}>
            <SeverityBadge severity={f.severity} />
          </span>
          <Text size={200} className={styles.fixed}>
            {where}
          </Text>
          <Text size={200} weight="semibold" className={styles.title}>
            {title[locale]}
          </Text>
          <Text size={100} className={styles.id}>
            {f.rule}
          </Text>
        </span>
        <Text size={200} className={styles.message}>
          {f.message}
        </Text>
      </button>
    </Tooltip>
  );
}
