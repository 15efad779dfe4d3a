// Signing secrets of endpoints and subscriptions live in the vault only (system secrets, sealed
// with the workspace's app data key), never in a webhook table.
import { randomBytes } from 'node:crypto';

/** The vault name of an endpoint's or subscription's signing secret. */
export const secretName = (id: string): string => `webhook:${id}:secret`;

/** 256 random bits; used as an HMAC key exactly as written (the UTF-8 bytes of the whole string). */
export const generateSecret = (): string => `spwhsec_${randomBytes(32).toString('base64url')}`;
