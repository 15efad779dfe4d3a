// The one permission table. A route declares the permission it needs (`config.permission`); a role
// holds a permission only if this table says so. Viewers hold read permissions only, and the
// route registry refuses a non-GET route whose permission a viewer holds.
export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'contacts:read': ['admin', 'member', 'viewer'],
  'contacts:write': ['admin', 'member'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const isPermission = (value: unknown): value is Permission =>
  typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
