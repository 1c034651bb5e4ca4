// What the About panel lists, derived from the `about` command's answer.

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
