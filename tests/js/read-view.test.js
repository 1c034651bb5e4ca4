import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerScenario, evidenceText, fillsFrom, intentText, interviewOptions, matchLine, readSummary, receivedAt, replyToKeep, tooBig,
} from '../../ui/js/read-view.js';
import { catalog } from './fixtures.js';

const invitation = {
  kind: 'invitation',
  situation: {
    company: 'Brackenfold Systems',
    role: 'Backend Engineer',
    contact: { name: 'Camille Roussel', email: 'camille@brackenfold.example' },
    interview_at: '2026-12-08T14:30:00+01:00',
    stage: 'scheduled',
    origin_channel: 'email',
  },
  evidence: {
    company: 'the Backend Engineer position at Brackenfold Systems',
    role: 'for the Backend Engineer position',
    'contact.name': 'Camille Roussel Talent Partner',
    interview_at: 'Tuesday 8 December, 2:30pm CET',
    stage: 'pleased to confirm your interview',
    kind: 'Interview confirmation',
  },
};

test('an invitation fills only the fields it found, each with its evidence, dates flagged', () => {
  const fills = fillsFrom(invitation);
  assert.deepEqual(fills.map((f) => f.field),
    ['company', 'role', 'interview_at', 'stage', 'origin_channel', 'contact.name', 'contact.email']);
  const byField = Object.fromEntries(fills.map((f) => [f.field, f]));
  assert.equal(byField.company.value, 'Brackenfold Systems');
  assert.equal(byField.company.evidence, 'the Backend Engineer position at Brackenfold Systems');
  assert.equal(byField.interview_at.date, true);
  assert.equal(byField.role.date, false);
  assert.equal(byField['contact.email'].evidence, '', 'no evidence for it: no quote, never another field’s');
  assert.ok(!('invited_at' in byField) && !('contact.title' in byField), 'a field not found is not filled');
});

test('a reply or nothing fills nothing; empty values are not found values', () => {
  assert.deepEqual(fillsFrom({ ...invitation, kind: 'reply' }), []);
  assert.deepEqual(fillsFrom(null), []);
  assert.deepEqual(fillsFrom({ kind: 'other', situation: { company: '  ', contact: {} }, evidence: {} }), []);
});

test('offered times come earliest first, shown in the given zone', () => {
  const read = { kind: 'invitation', situation: {}, evidence: {},
    interview_options: ['2026-12-09T10:00:00+00:00', '2026-12-08T15:00:00+00:00'] };
  const options = interviewOptions(read, { locale: 'en-GB', timeZone: 'UTC' });
  assert.deepEqual(options.map((o) => o.value), ['2026-12-08T15:00:00+00:00', '2026-12-09T10:00:00+00:00']);
  assert.match(options[0].text, /8.*Dec.*15:00/);
  assert.deepEqual(interviewOptions({ kind: 'invitation', situation: {} }), []);
});

test('the summary says how much was filled, that nothing is saved, and what a reply is for', () => {
  assert.match(readSummary(invitation, 7), /^Filled 7 fields from the message.*nothing is saved until you go on/);
  assert.match(readSummary(invitation, 1), /Filled 1 field /);
  assert.match(readSummary({ kind: 'other' }, 2), /does not read like an invitation/);
  assert.match(readSummary({ kind: 'invitation' }, 0), /found nothing to fill in/);
  assert.match(readSummary({ kind: 'invitation' }, 2, 3), /offer 3 interview times/);
  assert.match(readSummary({ kind: 'reply' }, 0), /History/);
});

test('evidence is quoted as it was written', () => {
  assert.equal(evidenceText('at Acme <script>'), 'From the message: “at Acme <script>”');
  assert.equal(evidenceText(''), 'Judged from the message as a whole (no one passage says it)');
});

test('a reply says what it wants in the catalogue’s words, and which answer Compose opens', () => {
  const reply = { kind: 'reply', reply: { intent: 'asks_reason', scenario: 'pushback_private' }, situation: {} };
  assert.equal(intentText(reply, catalog), catalog.intents.find((i) => i.id === 'asks_reason').label);
  assert.equal(answerScenario(reply), 'pushback_private');
  assert.equal(answerScenario({ kind: 'reply', reply: { intent: 'other', scenario: null } }), null);
  assert.equal(intentText(invitation, catalog), '');
  for (const intent of ['acknowledged', 'asks_reason', 'asks_reconsider', 'offers_other_role', 'asks_referral',
    'proposes_reschedule', 'other']) {
    assert.ok(catalog.intents.some((i) => i.id === intent), `the catalogue names ${intent}`);
  }
});

test('the match is shown with how it was found, or says what to do instead', () => {
  assert.equal(matchLine({ opportunity_id: 3, company: 'Acme', role: 'Engineer', by: 'email' }),
    'This looks like a reply to Acme — Engineer (matched by e-mail address).');
  assert.match(matchLine({ company: 'Acme', role: 'Engineer', by: 'thread' }), /e-mail thread/);
  assert.match(matchLine(null), /could not tell which opportunity/);
});

test('a reply is received when its own Date says, else at the fallback', () => {
  assert.equal(receivedAt({ situation: { invited_at: '2026-11-18T09:02:00+00:00' } }, 'now'), '2026-11-18T09:02:00+00:00');
  assert.equal(receivedAt({ situation: {} }, 'now'), 'now');
  assert.equal(receivedAt(null, 'now'), 'now');
});

test('a file over the limit is refused before it is read, with both sizes', () => {
  const limit = catalog.limits.read_bytes;
  assert.equal(tooBig('a.eml', limit, limit), null);
  assert.equal(tooBig('big.eml', 3 * limit, limit), 'big.eml is 3 MiB; Politely reads messages up to 1 MiB');
});

test('a raw e-mail is kept as its decoded text; pasted text as it was given', () => {
  const raw = 'From: a@b.example\r\nSubject: Re: x\r\nContent-Transfer-Encoding: base64\r\n\r\nSGk=';
  assert.equal(replyToKeep(raw, { format: 'eml', text: 'Subject: Re: x\n\nHi' }), 'Subject: Re: x\n\nHi');
  assert.equal(replyToKeep('Thanks, Ben', { format: 'text' }), 'Thanks, Ben');
  assert.equal(replyToKeep('Thanks, Ben', null), 'Thanks, Ben', 'unread: kept as given');
  assert.equal(replyToKeep(raw, { format: 'eml', text: '' }), raw, 'nothing decoded: the raw text, nothing lost');
});
