import { t } from '@/lib/i18n';
import { replayHash } from '@/lib/replay/hash';
import type { ReplayModel } from '@/components/replay/model/replay-model';
import { WalkTable } from '@/components/replay/WalkTable';

/** Audits (newest first) beside the chosen audit's walks. Links change the address; the model follows. */
export function WalkBrowser({ model }: { model: ReplayModel }) {
  const audits = model.audits.value;
  if (audits === null) {
    return (
      <p class="rp-muted" role="status">
        {t('replayLoading')}
      </p>
    );
  }
  if (audits.length === 0) return <p class="rp-empty">{t('replayNoAudits')}</p>;
  const chosen = audits.find((a) => a.id === model.auditId.value) ?? null;
  const walks = model.walks.value;
  return (
    <div class="rp-browser">
      <nav class="rp-audits" aria-labelledby="rp-audits-title">
        <h2 id="rp-audits-title">{t('replayAudits')}</h2>
        <ul>
          {audits.map((a) => (
            <li key={a.id}>
              <a href={replayHash({ auditId: a.id })} aria-current={a.id === chosen?.id ? 'page' : undefined}>
                <span class="rp-audit-name">{a.name}</span>
                {a.company && <span class="rp-muted">{a.company}</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section class="rp-walks" aria-labelledby="rp-walks-title">
        <h2 id="rp-walks-title">{chosen ? t('replayWalksOf', chosen.name) : t('replayLoading')}</h2>
        {walks === null ? (
          <p class="rp-muted" role="status">
            {t('replayLoading')}
          </p>
        ) : walks.length === 0 ? (
          <p class="rp-empty">{t('replayNoWalks')}</p>
        ) : (
          <WalkTable rows={walks} />
        )}
      </section>
    </div>
  );
}
