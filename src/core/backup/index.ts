export { NOT_BACKED_UP } from './catalog.ts';
export { BACKUP_FORMAT, BackupHeader, MAX_LINE_BYTES } from './format.ts';
export { readLines } from './lines.ts';
export { type RestoreReport, restoreBackup } from './restore.ts';
export { type BackupReport, writeBackup } from './write.ts';
