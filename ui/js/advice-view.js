// What the Advice screen shows, derived from the `advise` command's answer and the catalogue's
// labels. Pure.
import { inSentence, labelOf } from './catalog.js';

/** "Sat 21 Nov, 09:00" in the given (or the system's) time zone. */
export function formatWhen(iso, timeZone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
  }).formatToParts(date);
  const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`;
}

/** The view model of an Advice: headline, facts, warnings and roadmap, all as plain text. */
export function adviceView(advice, catalog, timeZone) {
  const why = (rule) => advice.explanations.find((e) => e.rule === rule)?.why ?? '';
  const channel = labelOf(catalog, 'channels', advice.channel.primary)
    + (advice.channel.confirm_by_email ? ', then a confirming email' : '');
  const facts = [['Channel', channel], ['Why this channel', advice.channel.why]];
  if (advice.scenario) {
    facts.push(['Message', labelOf(catalog, 'message_kinds', advice.scenario)], ['Why this message', why('scenario')]);
  }
  const reply = `Ideally by ${formatWhen(advice.ideal_by, timeZone)}, at the latest ${formatWhen(advice.respond_by, timeZone)}`;
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
      step: s.step, title: s.title, state: s.state, stateLabel: labelOf(catalog, 'step_states', s.state), note: s.note,
    })),
  };
}
