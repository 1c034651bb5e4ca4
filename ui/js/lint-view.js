// Pure helpers for the proofreader's view: the backend reports byte offsets into UTF-8 text;
// the page works in UTF-16 string indices. No DOM here, so `node --test` covers it.
import { entryOf } from './catalog.js';

const encoder = new TextEncoder();

/** Longest span (in UTF-16 units) the editor marks. */
export const MAX_MARK = 120;

/** The UTF-16 index in `text` of UTF-8 byte offset `byte` (clamped; never inside a character). */
export function byteToIndex(text, byte) {
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    if (bytes >= byte) return index;
    bytes += encoder.encode(ch).length;
    index += ch.length;
  }
  return text.length;
}

/** Pieces of `text` for the editor's backdrop: plain runs and marked runs, in order. */
export function highlightRuns(text, findings) {
  const spans = findings
    .filter((f) => f.part === 'body' && f.end > f.start)
    .map((f) => ({ start: byteToIndex(text, f.start), end: byteToIndex(text, f.end), severity: f.severity }))
    // Whole-message findings ("over 180 words") would paint everything: list them, do not mark them.
    .filter((s) => s.end - s.start <= MAX_MARK)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const runs = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlaps a mark already placed
    if (s.start > at) runs.push({ text: text.slice(at, s.start), mark: null });
    runs.push({ text: text.slice(s.start, s.end), mark: s.severity });
    at = s.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: null });
  return runs;
}

/** `text` with finding `f`'s suggestion in place of its span. */
export function applySuggestion(text, f) {
  const start = byteToIndex(text, f.start);
  const end = byteToIndex(text, f.end);
  return text.slice(0, start) + (f.suggestion ?? '') + text.slice(end);
}

/** One line for the findings list. */
export function findingLabel(f) {
  const mark = { error: 'Fix', warning: 'Check', info: 'Tip' }[f.severity] ?? '';
  return `${mark}: ${f.message}`;
}

/** The tooltip of a finding: the rule's title and the principle it protects, from the catalogue. */
export function findingTitle(f, catalog) {
  const rule = entryOf(catalog, 'rules', f.rule);
  return rule ? `${rule.title}: ${rule.principle} Click to show it in the text.` : `${f.rule} — show it in the text`;
}

/** "2 to fix · 1 to check" / "Ready to send". */
export function summaryText(summary) {
  const parts = [];
  if (summary.errors) parts.push(`${summary.errors} to fix`);
  if (summary.warnings) parts.push(`${summary.warnings} to check`);
  if (summary.infos) parts.push(`${summary.infos} tip${summary.infos === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'Nothing to fix';
}

/**
 * What identifies a finding the user chose to ignore: its rule and the words it points at (not
 * their offsets, which move when text is typed before them). `text` is `{ body, subject }`.
 */
export function findingKey(f, text) {
  const part = f.part === 'subject' ? (text.subject ?? '') : text.body;
  const words = part.slice(byteToIndex(part, f.start), byteToIndex(part, f.end));
  return `${f.rule}\u0000${f.part}\u0000${words}`;
}

/**
 * The report as the user sees it once the findings in `ignored` (a Set of findingKey) are set
 * aside: the remaining findings, their counts, and how many were ignored.
 */
export function visibleReport(report, ignored, text) {
  const findings = report.findings.filter((f) => !ignored.has(findingKey(f, text)));
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    const key = { error: 'errors', warning: 'warnings', info: 'infos' }[f.severity];
    if (key) summary[key] += 1;
  }
  return { findings, summary, ignored: report.findings.length - findings.length };
}
