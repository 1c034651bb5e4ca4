// What the About panel lists, derived from the `about` and `history_backups` answers. Pure.

const SOURCES = Object.freeze({
  flag: 'the --data-dir option',
  environment: 'the POLITELY_DATA_DIR variable',
  default: 'the default: the system’s app-data folder',
});

/** Label/value pairs for the About panel, in display order. */
export function aboutRows(info) {
  return [
    ['Version', `${info.name} ${info.version}`],
    ['Data folder', info.data_dir],
    ['Chosen by', SOURCES[info.data_dir_source] ?? String(info.data_dir_source)],
  ];
}

/** A backup's line: "2026-11-21 09:15 UTC · daily" from its stamp ("20261121-0915…") and label. */
export function backupLine(backup) {
  const when = backup.stamp.replace(/^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2}).*/, '$1-$2-$3 $4:$5 UTC');
  return `${when} · ${backup.label}`;
}

/** The name the restore command takes: the last part of the backup's path, never the path. */
export function backupName(backup) {
  return String(backup.path).split(/[\\/]/).pop();
}
