/** A sheet with a 個人番号 / マイナンバー column: never read or synced; checking still works. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import { useT } from './pane-context.js';

export function PersonalNumberNotice({ mapping }: { mapping: HeaderDetection }) {
  const t = useT();
  if (mapping.personalNumberColumns.length === 0) return null;
  const columns = mapping.personalNumberColumns.map((c) => c.letter).join('・');
  return (
    <MessageBar layout="multiline" intent="error">
      <MessageBarBody>
        <MessageBarTitle>{t('personal.title')}</MessageBarTitle>
        {t('personal.body', { columns })}
      </MessageBarBody>
    </MessageBar>
  );
}
