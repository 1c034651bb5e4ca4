import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboutRows, backupLine, backupName } from '../../ui/js/about-view.js';

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

test('a backup is listed by its time and label, and restored by its file name only', () => {
  const backup = { path: '/home/me/.local/share/app/backups/politely-20261121-0915-daily.db', stamp: '20261121-0915', label: 'daily' };
  assert.equal(backupLine(backup), '2026-11-21 09:15 UTC · daily');
  assert.equal(backupName(backup), 'politely-20261121-0915-daily.db');
  assert.equal(backupName({ path: 'C:\\Users\\me\\backups\\b.db' }), 'b.db');
});
