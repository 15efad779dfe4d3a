import { Type } from 'typebox';
import { CREDENTIAL_PATTERN } from './credentials.service.js';

/** The path of a credential route: the credential itself, and nothing else. */
export const CredentialParams = Type.Object({ credential: Type.String({ pattern: CREDENTIAL_PATTERN }) }, { additionalProperties: false });
