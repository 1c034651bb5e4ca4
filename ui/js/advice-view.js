// What the Advice screen shows, derived from the `advise` command's answer and the catalogue's
// labels. Pure.
import { inSentence, labelOf } from './catalog.js';
import { formatStampIn, systemLocale } from './dates.js';

/** "21 Nov 2026, 09:00": a deadline in the one form every date is shown in, in the given zone. */
export function formatWhen(iso, timeZone, locale = systemLocale()) {
  return formatStampIn(iso, { locale, timeZone });
}

/** The view model of an Advice: headline, facts, warnings and roadmap, all as plain text. */
export function adviceView(advice, catalog, timeZone, locale = systemLocale()) {
  const when = (iso) => formatWhen(iso, timeZone, locale);
  const why = (rule) => advice.explanations.find((e) => e.rule === rule)?.why ?? '';
  const channel = labelOf(catalog, 'channels', advice.channel.primary)
    + (advice.channel.confirm_by_email ? ', then a confirming email' : '');
  const facts = [['Channel', channel], ['Why this channel', advice.channel.why]];
  if (advice.scenario) {
    facts.push(['Message', labelOf(catalog, 'message_kinds', advice.scenario)], ['Why this message', why('scenario')]);
  }
  const reply = `Ideally by ${when(advice.ideal_by)}, at the latest ${when(advice.respond_by)}`;
  facts.push(['Reply', advice.overdue ? `${reply} — overdue` : reply], ['Why now', why('timing')]);
  if (advice.include.stay_connected || advice.include.referral) facts.push(['Include', why('include')]);
  facts.push(['Tell', advice.inform.map((a) => inSentence(labelOf(catalog, 'audiences', a))).join(', ')]);
  return {
    verdict: advice.verdict,
    headline: labelOf(catalog, 'verdicts', advice.verdict),
    why: why('verdict'),
    facts,
    warnings: advice.warnings.map((w) => ({ id: w.id, message: w.message })),
    roadmap: advice.roadmap.map((s) => ({
      step: s.step, title: s.title, state: s.state, stateLabel: labelOf(catalog, 'step_states', s.state),
      // The deadlines in the form the window writes dates in (the core's note has its own).
      note: s.id === 'respond-promptly' ? `Ideally by ${when(advice.ideal_by)}, at the latest by ${when(advice.respond_by)}.` : s.note,
    })),
  };
}
