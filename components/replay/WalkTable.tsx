import { present, t } from '@/lib/i18n';
import { replayHash } from '@/lib/replay/hash';
import type { WalkRow } from '@/lib/replay/load';

/** One row per walk; the persona's name links to its replay. */
export function WalkTable({ rows }: { rows: WalkRow[] }) {
  return (
    <div class="rp-table-wrap">
      <table class="rp-table">
        <thead>
          <tr>
            <th scope="col">{t('replayColPersona')}</th>
            <th scope="col">{t('replayColAuditor')}</th>
            <th scope="col">{t('replayColDate')}</th>
            <th scope="col">{t('replayColDuration')}</th>
            <th scope="col">{t('replayColStatus')}</th>
            <th scope="col">{t('replayColEndReason')}</th>
            <th scope="col" class="rp-num">
              {t('replayColEvents')}
            </th>
            <th scope="col" class="rp-num">
              {t('replayColSize')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ walk, personaName }) => (
            <tr key={walk.id}>
              <th scope="row">
                <a href={replayHash({ walkId: walk.id })}>{personaName ?? t('deletedPersona')}</a>
              </th>
              <td>{walk.auditorName || t('replayNone')}</td>
              <td>
                <time dateTime={new Date(walk.startedAt).toISOString()}>{present.dateTime(walk.startedAt)}</time>
              </td>
              <td>{walk.endedAt === null ? t('replayInProgress') : present.clock(walk.endedAt - walk.startedAt)}</td>
              <td>
                <span class={`rp-status rp-status-${walk.status}`}>{present.walkStatus(walk.status)}</span>
              </td>
              <td>{walk.endReason ? present.endReason(walk.endReason) : t('replayNone')}</td>
              <td class="rp-num">{present.count(walk.eventCount)}</td>
              <td class="rp-num">{present.bytes(walk.storedBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
