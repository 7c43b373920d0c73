import { createHash } from 'node:crypto';

/**
 * A browser's conversations are found by an anonymous id it makes once and keeps (localStorage),
 * sent as X-Client-Id. Only its hash is stored: the database alone does not let anyone read a
 * browser's list. Whoever holds the id holds the list, as with any bearer secret.
 */
export const CLIENT_ID_HEADER = 'X-Client-Id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The owner key for the header's id; undefined without one, false for a malformed one. */
export function browserOwner(header: string | undefined): string | undefined | false {
  if (header === undefined || header === '') return undefined;
  if (!UUID.test(header)) return false;
  return createHash('sha256').update(`policy-qa:${header.toLowerCase()}`).digest('hex');
}
