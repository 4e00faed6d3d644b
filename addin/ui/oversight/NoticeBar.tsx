/** A notice from a controller: the text, and the service's field problems as a list under it. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Notice } from '../../oversight/state.js';

export function NoticeBar({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <MessageBar layout="multiline" intent={notice.intent}>
      <MessageBarBody>
        {notice.text}
        {notice.details && notice.details.length > 0 && (
          <ul>
            {notice.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
