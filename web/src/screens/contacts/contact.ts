import type { paths } from '../../api/schema.js';

export type Contact = paths['/api/v1/contacts/{contactId}']['get']['responses'][200]['content']['application/json'];
export type ContactCreate = NonNullable<paths['/api/v1/contacts']['post']['requestBody']>['content']['application/json'];
export type SensitiveFields = paths['/api/v1/contacts/{contactId}/sensitive']['get']['responses'][200]['content']['application/json'];
