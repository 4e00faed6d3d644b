/**
 * What the personal-text check found in what 送信 would send (in the pane, or the service's 422):
 * which field, which sheet rows, which kinds. Never the text: the clerk looks at the sheet. The
 * clerk fixes the sheet and sends again, or confirms 「個人情報ではありません」; a My Number-like
 * number can only be removed.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { fieldDef, FIELDS, type FieldKey } from '../../domain/fields/catalogue.js';
import type { TextFinding } from '../../domain/sync/personal-scan.js';
import type { MessageKey, Translate } from '../i18n/messages.js';
import { ja } from '../i18n/ja.js';
import type { SyncValueProblem } from '../state/pane-state.js';
import { usePane, usePaneState, useT } from './pane-context.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const KNOWN = new Set<string>(FIELDS.map((f) => f.key));

function fieldLabel(t: Translate, field: string): string {
  if (field === 'ledger.name') return t('sync.personal.ledgerName');
  if (field === 'ledger.claimType') return t('sync.personal.ledgerClaimType');
  return KNOWN.has(field) ? fieldDef(field as FieldKey).label : field;
}

function kindLabel(t: Translate, kind: string): string {
  const key = `sync.personal.kind.${kind}`;
  return key in ja ? t(key as MessageKey) : kind;
}

export function findingText(t: Translate, f: TextFinding): string {
  const kinds = [...new Set(f.spans.map((s) => kindLabel(t, s.kind)))].join('・');
  const field = fieldLabel(t, f.field);
  if (!f.rows || f.rows.length === 0) return t('sync.personal.ledger', { field, kinds });
  const count = f.rowCount ?? f.rows.length;
  const shown = f.rows.slice(0, 5).join('、');
  const rows =
    count > Math.min(5, f.rows.length)
      ? t('sync.personal.moreRows', { rows: shown, more: count - Math.min(5, f.rows.length) })
      : t('sync.personal.rows', { rows: shown });
  return t('sync.personal.where', { field, rows, kinds });
}

function problemText(t: Translate, p: SyncValueProblem): string {
  const field = fieldLabel(t, p.field);
  if (p.problem === 'too-long' || p.problem === 'out-of-range') {
    return t(`sync.value.${p.problem}`, { row: p.row ?? '-', field });
  }
  return `${p.row ?? '-'}: ${field}${p.expected ? ` — ${p.expected}` : ''}`;
}

export function PersonalTextReview() {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const personal = usePaneState((s) => s.sync.personal);
  const problems = usePaneState((s) => s.sync.problems);
  const sending = usePaneState((s) => s.sync.status === 'sending');
  return (
    <>
      {personal && personal.findings.length > 0 && (
        <MessageBar layout="multiline" intent={personal.confirmable ? 'warning' : 'error'} data-testid="sync-personal">
          <MessageBarBody>
            <MessageBarTitle>{t('sync.personal.title')}</MessageBarTitle>
            <ul className={styles.list}>
              {personal.findings.map((f, i) => (
                <li key={i}>
                  <Text size={200}>{findingText(t, f)}</Text>
                </li>
              ))}
            </ul>
            {personal.truncated && <Text size={200}>{t('sync.personal.more')}</Text>}
            {personal.confirmable && (
              <div>
                <Button
                  size="small"
                  disabled={sending}
                  onClick={() => void pane.sync.confirmNotPersonal()}
                  data-testid="sync-confirm-not-personal"
                >
                  {t('sync.personal.confirm')}
                </Button>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {problems && problems.length > 0 && (
        <MessageBar layout="multiline" intent="error" data-testid="sync-value-problems">
          <MessageBarBody>
            <ul className={styles.list}>
              {problems.map((p, i) => (
                <li key={i}>
                  <Text size={200}>{problemText(t, p)}</Text>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
