import { t } from '@/lib/i18n';
import type { Message } from '@/components/panel/model/panel-env';

/**
 * A message for the auditor. `alert` interrupts the screen reader (errors, a full disk); `status`
 * is read politely (a confirmation); `note` is just text.
 */
export function Notice({ message, kind }: { message: Message | null | undefined; kind: 'alert' | 'status' | 'note' }) {
  if (!message) return null;
  const role = kind === 'note' ? undefined : kind;
  return (
    <p class={`ui-notice ui-${kind}`} role={role}>
      {t(message.key, message.subs)}
    </p>
  );
}
