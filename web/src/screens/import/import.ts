// The import API's shapes, as the server's OpenAPI document types them.
import type { paths } from '../../api/schema.js';

export type Import = paths['/api/v1/imports/{importId}']['get']['responses'][200]['content']['application/json'];
export type ImportPreview = paths['/api/v1/imports/{importId}/preview']['post']['responses'][200]['content']['application/json'];
export type ImportKind = Import['kind'];
export type Duplicates = 'skip' | 'create';

export const KIND_NAMES: Record<ImportKind, { plural: string; list: string }> = {
  contacts: { plural: 'contacts', list: '/contacts' },
  leads: { plural: 'leads', list: '/leads' },
};
