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
    assert.match(e.message, /about/, 'the message names the command');
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
