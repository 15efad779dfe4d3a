/** Text as HTML: the five characters that can end a text node or an attribute value, as entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
