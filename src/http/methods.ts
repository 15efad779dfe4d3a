/** Methods that only read: viewers may hold their permissions, and support sessions may use them. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);
