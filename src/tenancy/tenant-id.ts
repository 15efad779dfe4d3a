import { idPattern, isId, newId } from '../http/ids.js';

/** A tenant id is server-generated; anything else is refused before it can name a path. */
export const TENANT_ID_PATTERN = idPattern('tenant');
export const newTenantId = (): string => newId('tenant');
export const isTenantId = (value: unknown): value is string => isId('tenant', value);
