import { t } from '@/lib/i18n';
import type { MessageName, RequestOf, ResponseOf } from '@/lib/messaging/types';
import { scoreDraftOf, scoreFieldsOf, type TaggerModel } from '@/components/tagger/model/tagger-model';

export type Send = <K extends MessageName>(name: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The score form's side of the tagging tools: scoring the page's touchpoint (CES and notes). */
export function createScoreForm({
  win,
  model,
  send,
  pageUrl = () => win.location.href,
}: {
  win: Window;
  model: TaggerModel;
  send: Send;
  /** The page's URL as the recorder redacts it (RecorderBridge.pageUrl). */
  pageUrl?: () => string;
}) {
  return {
    /** Fills the opened form: the page's touchpoint by name, and the score it was given before, if any. */
    load(): void {
      model.scoreDraft.value = scoreDraftOf();
      model.touchpointName.value = '';
      const url = pageUrl();
      // A touchpoint keeps 500 characters of a title; a page may have any length.
      void send('touchpoint/resolve', { url, title: win.document.title.slice(0, 500) })
        .then((tp) => {
          model.touchpointName.value = tp?.name ?? win.document.title;
          return send('score/get', { url });
        })
        .then((s) => {
          if (s && model.view.value === 'score') model.scoreDraft.value = scoreDraftOf(s);
        })
        .catch((e: unknown) => {
          model.problem.value = t('saveFailed', message(e));
        });
    },
    /** Saves the form through `saving` (the tagger's: it closes on success, keeps the form on failure). */
    save(saving: (run: () => Promise<unknown>, done: string) => Promise<boolean>): Promise<boolean> {
      const result = scoreFieldsOf(model.scoreDraft.value);
      if (!result.ok) {
        model.scoreErrors.value = result.errors;
        return Promise.resolve(false);
      }
      const url = pageUrl();
      const title = win.document.title.slice(0, 500);
      return saving(() => send('score/save', { url, title, fields: result.fields }), t('scoreSaved'));
    },
  };
}
