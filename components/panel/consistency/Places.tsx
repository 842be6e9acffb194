import { present, t } from '@/lib/i18n';
import type { Divergence, Place } from '@/lib/consistency/divergence';
import type { ConsistencyModel } from '@/components/panel/model/consistency-model';
import { pageLabel } from '@/components/panel/model/format';
import { ValueText } from '@/components/panel/consistency/ValueText';

/** A place's page or channel: the page's title and address, or the channel and its touchpoint. */
function PlaceWhere({ place, model }: { place: Place; model: ConsistencyModel }) {
  if (place.type === 'offsite') {
    const name = model.touchpointName(place.touchpointId);
    return (
      <p class="small">
        <strong>{present.channel(place.channel)}</strong>
        {name && ` · ${name}`}
      </p>
    );
  }
  return (
    <>
      <p class="small">
        <strong>{pageLabel(place)}</strong>
      </p>
      <p class="small muted cons-url">{place.url}</p>
    </>
  );
}

function PlaceCard({ place, value, model }: { place: Place; value: string; model: ConsistencyModel }) {
  const tag = model.tagOn(place);
  const shot = tag ? model.shots.value.get(tag.id) : undefined;
  const where = place.type === 'page' ? pageLabel(place) : present.channel(place.channel);
  const structured = place.type === 'page' && (place.source === 'json-ld' || place.source === 'microdata');
  return (
    <li class="cons-place">
      {shot && <img class="cons-shot" src={shot} alt={t('tagScreenshotAlt', where)} />}
      <p>
        {t('consistencyAsWritten', place.raw || value)}
        {structured && <span class="small muted"> ({t('consistencyStructuredSource')})</span>}
      </p>
      {place.label && <p class="small muted">{place.label}</p>}
      <PlaceWhere place={place} model={model} />
      {place.type === 'page' && (
        <button type="button" class="link" onClick={() => model.openPlace(place)}>
          {t('consistencyOpenReplay')}
        </button>
      )}
    </li>
  );
}

/** The places of every value side by side (one column per value while the panel is wide enough). */
export function Places({ divergence, model }: { divergence: Divergence; model: ConsistencyModel }) {
  return (
    <div class="cons-compare">
      <p class="small muted">{t('consistencyPlacesHeading')}</p>
      <div class="cons-columns">
        {divergence.values.map((v) => (
          <section key={v.value} class="cons-column" aria-label={v.value}>
            <p>
              <ValueText value={v.value} />{' '}
              <span class="small muted">{present.plural('consistencyPlaces', v.places.length)}</span>
            </p>
            <ul class="cons-places">
              {v.places.map((p, i) => (
                // Places have no id of their own; the list is the comparison's, drawn again whole.
                <PlaceCard key={i} place={p} value={v.value} model={model} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
