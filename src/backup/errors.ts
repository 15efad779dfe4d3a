// A refusal: the backup (or the request about it) is not used, nothing was changed, and the
// message is the one line the operator sees.
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}
