import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandError, describeFailure, toCommandError } from '../../ui/js/errors.js';

test('backend {code, message} becomes a CommandError with the same fields', () => {
  const error = toCommandError({ code: 'data_dir', message: 'the data folder /x cannot be used: the disk is full' }, 'about');
  assert.ok(error instanceof CommandError);
  assert.equal(error.code, 'data_dir');
  assert.equal(error.command, 'about');
  assert.match(error.message, /disk is full/);
});

test('unknown codes, bare strings and junk are all "unexpected" with a readable message', () => {
  assert.equal(toCommandError({ code: 'weird', message: 'm' }, 'c').code, 'unexpected');
  const fromString = toCommandError('command about not allowed', 'about');
  assert.equal(fromString.code, 'unexpected');
  assert.equal(fromString.message, 'command about not allowed');
  for (const junk of [undefined, null, 42, '', {}]) {
    const e = toCommandError(junk, 'about');
    assert.equal(e.code, 'unexpected');
    assert.doesNotMatch(e.message, /about/, 'no internal command name in what the user reads');
    assert.match(e.message, /does not understand/);
  }
});

test('the banner text says what failed, why, and what to try', () => {
  const error = new CommandError('data_dir', 'the data folder /x cannot be used: the disk is full', 'about');
  assert.equal(
    describeFailure(error, 'load the About panel'),
    'Couldn’t load the About panel: The data folder /x cannot be used: the disk is full\n'
      + 'Check that the data folder exists, is a folder and is writable, then try again.',
  );
  assert.equal(describeFailure(new CommandError('unexpected', 'boom', 'x')), 'Something went wrong: Boom');
});

test('advice fits the failure: none a form does not need, the screen’s own when it knows better', () => {
  const invalid = new CommandError('invalid_input', 'the title is empty', 'reminders_add');
  assert.equal(describeFailure(invalid, 'save the reminder'), 'Couldn’t save the reminder: The title is empty',
    'no “correct the highlighted value” where nothing is highlighted');
  const missing = new CommandError('unavailable', 'opening your mail program: no mail program is set up; copy the text instead', 'compose_open_mail');
  assert.equal(describeFailure(missing, 'open your mail app'), 'Couldn’t open your mail app: No mail program is set up; copy the text instead',
    'no disk advice for a missing program, and the action said once');
  assert.equal(describeFailure(invalid, 'read that file', 'Choose a JSON export.'), 'Couldn’t read that file: The title is empty\nChoose a JSON export.');
});

test('a validation message names fields as the window does, never by their internal path', async () => {
  const { readableMessage } = await import('../../ui/js/errors.js');
  assert.equal(readableMessage('sender.email: “sam@x” is not an email address like name@example.com'),
    'Your email: “sam@x” is not an email address like name@example.com');
  assert.equal(readableMessage('is required; interview_at: is needed for a scheduled interview'),
    'is required; Interview date: is needed for a scheduled interview');
  assert.equal(readableMessage('reasons[1]: is not a reason'), 'Reasons: is not a reason');
  assert.equal(readableMessage('file: /tmp/x.csv is not a history export'), '/tmp/x.csv is not a history export',
    'a field the window has no name for is left out');
  assert.equal(readableMessage('the data folder /x cannot be used: full'), 'the data folder /x cannot be used: full');
  const e = toCommandError({ code: 'invalid_input', message: 'company: is required' }, 'advise');
  assert.equal(e.message, 'Company: is required');
});
