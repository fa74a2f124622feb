/**
 * What an ICS event says beside its time (issue 13 item 19): a UID unique to this installation
 * and a LOCATION a calendar app can show or map. The text itself is written by
 * shared/domain/ics.rules.ts (RFC 5545: escaping, folding, UTC times).
 */

/**
 * The domain of every UID (RFC 5545 §3.8.4.7 recommends `unique@domain`): the host of
 * PUBLIC_URL, so two installations never mint the same UID. Without a usable URL: `tongmeng`.
 */
export function uidDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'tongmeng';
  } catch {
    return 'tongmeng';
  }
}

/** `visit-123@crm.example.cn`: kind and id stay the same in every export and feed, so apps update instead of duplicating. */
export const eventUid = (kind: string, id: number, domain: string) => `${kind}-${id}@${domain}`;

const clean = (v: string | null | undefined) => (v ?? '').trim();

/**
 * An account's postal address as one line, the Chinese way (province, city, street without
 * separators): province and city are left out when the street address already names them
 * (江苏省 + 南京市 + 南京市玄武区… → 江苏省南京市玄武区…), and a city equal to its province
 * (北京市) is said once. Null when nothing is known.
 */
export function accountAddress(a: { province?: string | null; city?: string | null; address?: string | null }): string | null {
  const street = clean(a.address);
  const parts: string[] = [];
  for (const p of [clean(a.province), clean(a.city)]) {
    if (p && !street.includes(p) && !parts.includes(p)) parts.push(p);
  }
  const line = parts.join('') + street;
  return line || null;
}

export type LocationSource =
  | { kind: 'visit'; checkInPlace: string | null; account: { province?: string | null; city?: string | null; address?: string | null } }
  | { kind: 'reception'; place: string | null }
  | { kind: 'trip'; destination: string };

/**
 * Where an event happens: a visit where its visitor checked in, before that at the account's
 * address; a reception at its place (the guests come to us: the account's address would be
 * wrong, so none when no place is set); a trip at its destination.
 */
export function eventLocation(s: LocationSource): string | null {
  switch (s.kind) {
    case 'visit':
      return clean(s.checkInPlace) || accountAddress(s.account);
    case 'reception':
      return clean(s.place) || null;
    case 'trip':
      return clean(s.destination) || null;
  }
}
