// @vitest-environment happy-dom
import { openingHoursExtractor } from '@/lib/consistency/extractors/opening-hours';
import { readHoursText } from '@/lib/consistency/hours-text';
import { diffWeeks, formatWeek, type Interval, parseWeek } from '@/lib/consistency/weekly-hours';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

function facts(html: string) {
  return openingHoursExtractor.extract(page(html), { country: 'ES' }).map((e) => e.fact);
}

function values(html: string): string[] {
  return facts(html).map((f) => f.value);
}

function text(s: string): string | null {
  const r = readHoursText(s);
  return r ? formatWeek(r.open) : null;
}

const WEEKDAYS_9_14 = 'mo 09:00-14:00; tu 09:00-14:00; we 09:00-14:00; th 09:00-14:00; fr 09:00-14:00';
const SPLIT =
  'mo 09:00-14:00,16:00-19:00; tu 09:00-14:00,16:00-19:00; we 09:00-14:00,16:00-19:00; th 09:00-14:00,16:00-19:00; fr 09:00-14:00,16:00-19:00';

describe('opening hours: one schedule, one value, however it is written', () => {
  it('JSON-LD specification, schema openingHours, Spanish and English text agree', () => {
    const jsonLd = values(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Store",
      "openingHoursSpecification":[{"@type":"OpeningHoursSpecification",
        "dayOfWeek":["https://schema.org/Monday","Tuesday","Wednesday","Thursday","http://schema.org/Friday"],
        "opens":"09:00:00","closes":"14:00:00"}]}</script>`);
    expect(jsonLd).toEqual([WEEKDAYS_9_14]);
    expect(
      values(`<script type="application/ld+json">{"@type":"Store","openingHours":"Mo-Fr 09:00-14:00"}</script>`),
    ).toEqual([WEEKDAYS_9_14]);
    for (const s of [
      'L-V de 9:00 a 14:00',
      'Lunes a viernes de 9 a 14 h',
      'De lunes a viernes, de 9.00 a 14.00',
      'Mon-Fri 9am-2pm',
      'Monday to Friday, 9:00 a.m. – 2:00 p.m.',
      'Weekdays 9-2',
    ]) {
      expect(text(s), s).toBe(WEEKDAYS_9_14);
    }
  });

  it('reads split shifts, Saturdays, closed days and 24/7', () => {
    expect(text('Lunes a viernes de 9 a 14 h y de 16 a 19 h')).toBe(SPLIT);
    expect(text('L-V: 9:00-14:00 / 16:00-19:00')).toBe(SPLIT);
    expect(text('Sábados 10:00–14:00')).toBe('sa 10:00-14:00');
    expect(text('Sat 10-2')).toBe('sa 10:00-14:00');
    expect(text('De lunes a sábado, de 9:00 a 21:00. Domingos cerrado')).toBe(
      'mo 09:00-21:00; tu 09:00-21:00; we 09:00-21:00; th 09:00-21:00; fr 09:00-21:00; sa 09:00-21:00',
    );
    expect(text('Every day 10am-8pm. Closed on Sundays')).toBe(text('Mon-Sat 10:00-20:00'));
    expect(text('Todos los días de 10 a 22 h, excepto domingos')).toBe(text('L-S 10:00-22:00'));
    expect(text('Mon–Thu 12pm–10pm, Fri–Sat 12pm–midnight')).toBe(
      'mo 12:00-22:00; tu 12:00-22:00; we 12:00-22:00; th 12:00-22:00; fr 12:00-24:00; sa 12:00-24:00',
    );
    expect(text('Mo-Fr 09:00-14:00 Sa 10:00-14:00')).toBe(`${WEEKDAYS_9_14}; sa 10:00-14:00`);
    expect(text('Abierto 24/7')).toBe(formatWeek([[0, 7 * 1440]]));
    // A day letter after "L-V" is a day right before its hours, and only there.
    expect(text('Te atendemos de L-V de 9:00 a 14:00 y S de 10 a 14 h.')).toBe(`${WEEKDAYS_9_14}; sa 10:00-14:00`);
    expect(text('L-V 9-14, S 10-14')).toBe(`${WEEKDAYS_9_14}; sa 10:00-14:00`);
    expect(text('L-V de 9:00 a 14:00. Tienda S.A. 10 a 14')).toBe(WEEKDAYS_9_14);
  });

  it('tells different schedules apart', () => {
    expect(text('L-V de 9:00 a 14:00')).not.toBe(text('L-V de 9:00 a 14:30'));
    expect(text('Lunes a viernes de 9 a 14')).not.toBe(text('Lunes a sábado de 9 a 14'));
    expect(text('Mon-Fri 9am-5pm')).not.toBe(text('Mon-Fri 9-5:30pm'));
  });

  it('runs past midnight and reads a midnight close', () => {
    expect(text('Viernes y sábados de 20:00 a 02:00')).toBe(
      'fr 20:00-24:00; sa 00:00-02:00,20:00-24:00; su 00:00-02:00',
    );
    expect(text('Sunday 18:00-02:00')).toBe('mo 00:00-02:00; su 18:00-24:00');
    const spec = (closes: string) =>
      values(`<script type="application/ld+json">{"@type":"Bar","openingHoursSpecification":
        {"dayOfWeek":"Saturday","opens":"18:00","closes":"${closes}"}}</script>`);
    expect(spec('00:00')).toEqual(['sa 18:00-24:00']);
    expect(spec('23:59')).toEqual(['sa 18:00-24:00']);
    expect(text('Sábados de 18:00 a 24:00')).toBe('sa 18:00-24:00');
  });

  it('does not take delivery promises, dates, single times, durations, prices or ids', () => {
    for (const s of [
      'Entrega en 24 horas de lunes a viernes',
      'Delivered within 48 hours, Monday to Friday',
      'Envío en 2-3 días laborables',
      'Llámanos el lunes a las 9',
      'Oferta válida del lunes 1 al 15 de agosto',
      'Rebajas de lunes a domingo: 10-20 %',
      'Menú del lunes a viernes 9,95 €',
      'Pedido 2024-05-12, lunes',
      'El evento es el sábado 12 de 10 a 14 h',
      'Save 10-20% Monday to Friday',
      'Plazo de entrega: 24-72 h de lunes a viernes',
      'IBAN ES91 2100 0418 4502 0005 1332, lunes',
      'Tu pedido llega en 3-5 días',
      'Cursos de lunes a viernes, de 2 a 4 semanas',
      'ACME S.L. CIF B-12345678 Tel 91 234 56 78',
    ]) {
      expect(text(s), s).toBeNull();
    }
  });
});

describe('opening hours extractor on a page', () => {
  it('groups the lines of one block into one schedule, with its label and context', () => {
    const found = facts(`
      <h3>Atención telefónica</h3>
      <ul><li>Lunes a viernes: 9:00 - 14:00</li><li>Sábados: 10:00 - 14:00</li><li>Domingos cerrado</li></ul>
      <p>Tienda de Madrid: L-V de 10 a 20 h</p>
      <table><tr><th>Monday – Friday</th><td>9am – 5pm</td></tr><tr><th>Saturday</th><td>Closed</td></tr></table>
      <p>Llámanos a las 9 o escríbenos; entrega en 24 horas.</p>`);
    expect(found.map((f) => [f.value, f.label, f.source])).toEqual([
      [`${WEEKDAYS_9_14}; sa 10:00-14:00`, 'Atención telefónica', 'text'],
      ['mo 10:00-20:00; tu 10:00-20:00; we 10:00-20:00; th 10:00-20:00; fr 10:00-20:00', 'Tienda de Madrid', 'text'],
      ['mo 09:00-17:00; tu 09:00-17:00; we 09:00-17:00; th 09:00-17:00; fr 09:00-17:00', '', 'text'],
    ]);
    expect(found[0]?.context).toContain('Domingos cerrado');
    for (const f of found) expect(() => FactDraft.parse(f)).not.toThrow();
  });

  it('reads microdata and JSON-LD ContactPoint hours, labelled by contactType', () => {
    const found = facts(`
      <div itemscope itemtype="https://schema.org/LocalBusiness">
        <div itemprop="openingHoursSpecification" itemscope itemtype="https://schema.org/OpeningHoursSpecification">
          <link itemprop="dayOfWeek" href="https://schema.org/Saturday"><meta itemprop="opens" content="10:00">
          <meta itemprop="closes" content="14:00"></div>
        <meta itemprop="openingHours" content="Mo-Fr 09:00-14:00">
      </div>
      <script type="application/ld+json">{"@type":"Organization","contactPoint":{"@type":"ContactPoint",
        "contactType":"Customer service","hoursAvailable":{"dayOfWeek":"Sunday","opens":"10:00","closes":"12:00"}}}</script>`);
    expect(found.map((f) => [f.value, f.source, f.label])).toEqual([
      ['su 10:00-12:00', 'json-ld', 'Customer service'],
      [`${WEEKDAYS_9_14}; sa 10:00-14:00`, 'microdata', ''],
    ]);
  });

  it('survives junk and bounds what it returns', () => {
    const junk = `<script type="application/ld+json">{"@type":"Store","openingHoursSpecification":[{"dayOfWeek":"Caturday","opens":"99:99"}, null, 3]}</script>
      ${'<p>Lunes 9-14 constructor __proto__</p>'.repeat(200)}`;
    const found = facts(junk);
    expect(found.length).toBeLessThanOrEqual(40);
    for (const f of found) expect(f.value).toBe('mo 09:00-14:00');
  });
});

describe('weekly mask: the value reads back to intervals', () => {
  it('round-trips and shows how two schedules differ', () => {
    const week: Interval[] = [
      [540, 840],
      [960, 1140],
      [4 * 1440 + 1200, 5 * 1440 + 120],
      [6 * 1440 + 1380, 7 * 1440 + 60],
    ];
    const value = formatWeek(week);
    expect(value).toBe('mo 00:00-01:00,09:00-14:00,16:00-19:00; fr 20:00-24:00; sa 00:00-02:00; su 23:00-24:00');
    expect(formatWeek(parseWeek(value) ?? [])).toBe(value);
    expect(parseWeek('closed')).toEqual([]);
    expect(parseWeek('mo 14:00-09:00')).toBeNull();
    expect(parseWeek('xx 09:00-10:00')).toBeNull();
    const a = parseWeek(SPLIT) ?? [];
    const b = parseWeek(WEEKDAYS_9_14) ?? [];
    const d = diffWeeks(a, b);
    expect(d.onlyB).toEqual([]);
    expect(d.onlyA).toHaveLength(5);
    expect(d.onlyA[0]).toEqual([960, 1140]);
  });
});
