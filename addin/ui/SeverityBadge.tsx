/** エラー / 警告 / 情報 as a coloured badge. */
import { Badge } from '@fluentui/react-components';
import type { Severity } from '../../domain/rules/rule.js';
import { SEVERITY_LABELS } from '../../domain/rules/catalogue-doc.js';
import { usePaneState } from './pane-context.js';

const COLORS = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  const locale = usePaneState((s) => s.locale);
  const label = SEVERITY_LABELS[severity][locale];
  return (
    <Badge color={COLORS[severity]} appearance="filled" shape="rounded" data-severity={severity}>
      {count === undefined ? label : `${label} ${count}`}
    </Badge>
  );
}
