import { buildReport } from '@/lib/report/build-report';
import { htmlContext } from '@/lib/report/html/render-context';
import { words } from '@/test/unit/support/i18n';
import { cleanExport } from './html-fixture';

// The words the HTML report and the panel's Report view share for a persona's goal and the NPS.

describe('the report’s shared words', () => {
  const file = cleanExport();
  const { present, t } = words('en');
  const ctx = htmlContext(buildReport(file), file, present, t);

  it('a goal: the verdict alone for one answer, the counts behind it for several, or unanswered', () => {
    expect(ctx.goal({ verdict: 'partly', yes: 0, partly: 1, no: 0, unanswered: 0 })).toBe('Partly');
    expect(ctx.goal({ verdict: 'partly', yes: 1, partly: 0, no: 1, unanswered: 0 })).toBe('Partly (Yes: 1 and No: 1)');
    expect(ctx.goal({ verdict: null, yes: 0, partly: 0, no: 0, unanswered: 0 })).toBe(t('reportUnanswered'));
  });

  it('NPS signed, or the words for nobody answering', () => {
    const nps = { promoters: 0, passives: 0, detractors: 1, answered: 1, walks: 1 };
    expect(ctx.nps({ ...nps, score: -100 })).toBe('−100');
    expect(ctx.nps({ ...nps, score: 25 })).toBe('+25');
    expect(ctx.nps({ ...nps, score: null })).toBe(t('reportNoAnswers'));
  });
});
