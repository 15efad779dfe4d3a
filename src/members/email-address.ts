// The one way sign-in and invitations compare an email address. Only ASCII spaces are trimmed and
// only ASCII letters lower-cased, because Unicode case mapping and trimming fold other characters
// into ASCII ones (U+212A KELVIN SIGN lowercases to "k", trim() strips U+FEFF), which would let
// one account match another person's address. An address that is not plain ASCII is not supported: an internationalised domain is
// accepted in its IDNA (punycode, xn--) form, which is ASCII.

/** Printable ASCII without space, one @, something on both sides and a dot in the domain. */
const PLAIN_ASCII_EMAIL = /^[\x21-\x3f\x41-\x7e]+@[\x21-\x3f\x41-\x7e]+\.[\x21-\x3f\x41-\x7e]+$/;

/** The address as stored and compared, or null when it is not a plain ASCII address. */
export function canonicalEmail(raw: string): string | null {
  const trimmed = raw.replace(/^ +| +$/g, '');
  if (trimmed.length > 320 || !PLAIN_ASCII_EMAIL.test(trimmed)) return null;
  return trimmed.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}
