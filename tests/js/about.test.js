import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboutRows } from '../../ui/js/about.js';

test('About rows show version, folder and how the folder was chosen', () => {
  const rows = aboutRows({ name: 'Politely', version: '0.1.0', data_dir: '/tmp/d', data_dir_source: 'environment' });
  assert.deepEqual(rows, [
    ['Version', 'Politely 0.1.0'],
    ['Data folder', '/tmp/d'],
    ['Chosen by', 'the POLITELY_DATA_DIR variable'],
  ]);
});

test('a folder path with markup stays a plain string', () => {
  const rows = aboutRows({ name: 'Politely', version: '0.1.0', data_dir: '/tmp/<b>{{x}}</b>', data_dir_source: 'flag' });
  assert.equal(rows[1][1], '/tmp/<b>{{x}}</b>');
});
