// What the Advice screen shows, derived from the `advise` command's answer. Pure.

export const VERDICTS = Object.freeze({
  reconsider: 'Reconsider before you decline',
  negotiate: 'Negotiate instead of declining',
  ask_for_time: 'Ask for more time',
  decline: 'Decline — politely',
});

export const CHANNELS = Object.freeze({ email: 'Email', phone: 'Phone call', linkedin: 'LinkedIn message' });

export const SCENARIOS = Object.freeze({
  accepted_offer: 'Withdraw: you accepted another offer',
  logistics: 'Withdraw: the logistics don’t work',
  not_a_fit: 'Withdraw: not the right fit',
  growth: 'Withdraw: not the growth you need',
  direction: 'Withdraw: you’re heading elsewhere',
  staying_current_job: 'Withdraw: you’re staying where you are',
  circumstances_changed: 'Withdraw: your circumstances changed',
  cancel_last_minute: 'Cancel a last-minute interview',
  ask_for_time: 'Ask for a few more days',
  negotiate: 'Ask for the change you need',
});

export const AUDIENCES = Object.freeze({
  recruiter: 'the recruiter',
  hiring_manager: 'the hiring manager',
  agency: 'the agency',
  referrer: 'whoever referred you',
});

export const STEP_STATES = Object.freeze({ done: 'Done', todo: 'To do', attention: 'Needs attention', skipped: 'Not needed' });

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
export function adviceView(advice, timeZone) {
  const why = (rule) => advice.explanations.find((e) => e.rule === rule)?.why ?? '';
  const channel = CHANNELS[advice.channel.primary] + (advice.channel.confirm_by_email ? ', then a confirming email' : '');
  const facts = [['Channel', channel], ['Why this channel', advice.channel.why]];
  if (advice.scenario) facts.push(['Message', SCENARIOS[advice.scenario]], ['Why this message', why('scenario')]);
  const reply = `Ideally by ${formatWhen(advice.ideal_by, timeZone)}, at the latest ${formatWhen(advice.respond_by, timeZone)}`;
  facts.push(['Reply', advice.overdue ? `${reply} — overdue` : reply], ['Why now', why('timing')]);
  if (advice.include.stay_connected || advice.include.referral) facts.push(['Include', why('include')]);
  facts.push(['Tell', advice.inform.map((a) => AUDIENCES[a] ?? a).join(', ')]);
  return {
    verdict: advice.verdict,
    headline: VERDICTS[advice.verdict] ?? advice.verdict,
    why: why('verdict'),
    facts,
    warnings: advice.warnings.map((w) => ({ id: w.id, message: w.message })),
    roadmap: advice.roadmap.map((s) => ({
      step: s.step, title: s.title, state: s.state, stateLabel: STEP_STATES[s.state] ?? s.state, note: s.note,
    })),
  };
}
