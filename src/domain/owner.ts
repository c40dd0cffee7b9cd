// Whether a call comes from the project's owner, from the emails Session reports and the one setup stored.

/** Google reports addresses as typed at sign-up; compare them without case or stray spaces. */
function normal(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The owner's own call: Session names a user, the script runs under that user's authority (not a web
 * app executing as the owner for someone else), and that user is the owner setup recorded. Another
 * editor of the bound spreadsheet passes the first two (a menu item or the sidebar runs as them), so
 * the stored owner decides. Before any owner is stored, nobody passes: only setup may run then.
 */
export function isOwnerCall(active: string, effective: string, storedOwner: string): boolean {
  const who = normal(active);
  return who !== '' && who === normal(effective) && who === normal(storedOwner);
}

/** The first setup of a fresh project (no owner stored yet) records its caller as the owner. */
export function mayRecordOwner(active: string, effective: string, storedOwner: string): boolean {
  const who = normal(active);
  return normal(storedOwner) === '' && who !== '' && who === normal(effective);
}
