import { useEffect, useRef } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import type { Persona } from '@/lib/model';
import type { DeletesModel, PendingDelete } from '@/components/panel/model/delete-model';

/** The confirmation's heading and text: what goes, counted ("3 walks, 12 tags, 4.2 MB"). */
function wording(p: PendingDelete, personas: Persona[]): { heading: string; body: string } {
  const { walks, tags, bytes } = p.removal;
  if (p.kind === 'walk') {
    const who = personas.find((x) => x.id === p.walk.personaId)?.name ?? t('deletedPersona');
    return {
      heading: t('deleteWalkHeading'),
      body: t('deleteWalkBody', [
        who,
        present.dateTime(p.walk.startedAt),
        present.plural('kpiTags', tags),
        present.bytes(bytes),
      ]),
    };
  }
  return {
    heading: t('deleteAuditHeading', p.audit.name),
    body: t('deleteAuditBody', [
      present.plural('deleteWalks', walks),
      present.plural('kpiTags', tags),
      present.bytes(bytes),
    ]),
  };
}

/**
 * The confirmation of a delete: a modal `<dialog>` named by its heading, saying what will be
 * removed. Focus starts on Cancel (the safe choice), Esc cancels, and focus goes back to the
 * button that asked, or to the view when that button went with what was deleted.
 */
export function DeleteDialog({ model, personas }: { model: DeletesModel; personas: Persona[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const pending = model.pending.value;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (pending && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      d.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    } else if (!pending && d.open) d.close();
  }, [pending]);

  /** The dialog closed (Esc, Cancel, or the delete done): focus goes back where it came from. */
  function onClose() {
    model.cancel();
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
    else document.querySelector<HTMLElement>('#view-audit')?.focus();
  }

  const words = pending ? wording(pending, personas) : null;
  return (
    <dialog
      ref={ref}
      class="delete-dialog"
      aria-labelledby="delete-heading"
      aria-describedby="delete-body"
      onClose={onClose}
    >
      {words && (
        <>
          <h2 id="delete-heading">{words.heading}</h2>
          <p id="delete-body">{words.body}</p>
          <div class="row row-end">
            <button type="button" data-initial-focus onClick={() => model.cancel()}>
              {t('cancel')}
            </button>
            <button
              type="button"
              class="danger"
              aria-busy={model.busy.value || undefined}
              onClick={() => void model.confirm()}
            >
              {t('deleteConfirm')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
