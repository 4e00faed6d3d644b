/**
 * The findings, windowed: fixed-height rows in a scroll container, and only the rows in view (plus
 * a few) are rendered, so thousands of findings scroll as fast as ten.
 */
import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../domain/engine/types.js';
import { FindingItem } from './FindingItem.js';
import { useT } from './pane-context.js';

export const ROW_HEIGHT = 56;
const VIEW_HEIGHT = 6 * ROW_HEIGHT;
const OVERSCAN = 4;

const useStyles = makeStyles({
  view: { overflowY: 'auto', position: 'relative', border: `1px solid ${tokens.colorNeutralStroke2}` },
  item: { position: 'absolute', left: 0, right: 0, height: `${ROW_HEIGHT}px` },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  selected: Finding | null;
  onSelect: (f: Finding) => void;
  height?: number;
}

export function FindingsList({ findings, selected, onSelect, height = VIEW_HEIGHT }: FindingsListProps) {
  const t = useT();
  const styles = useStyles();
  const [scrollTop, setScrollTop] = useState(0);
  if (findings.length === 0) return null;
  const total = findings.length * ROW_HEIGHT;
  const top = Math.min(scrollTop, Math.max(0, total - height));
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(findings.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = findings.slice(first, last);
  return (
    <div
      className={styles.view}
      style={{ height: `${Math.min(height, total)}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      role="list"
      aria-label={t('check.list')}
      data-testid="findings-list"
    >
      <div style={{ height: `${total}px`, position: 'relative' }}>
        {visible.map((f, i) => (
          <div
            key={`${f.row}-${f.rule}-${f.field ?? ''}-${f.column ?? ''}`}
            role="listitem"
            aria-setsize={findings.length}
            aria-posinset={first + i + 1}
            className={styles.item}
            style={{ top: `${(first + i) * ROW_HEIGHT}px` }}
          >
            <FindingItem finding={f} selected={f === selected} onSelect={onSelect} />
          </div>
        ))}
      </div>
    </div>
  );
}
