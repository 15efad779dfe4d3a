// The {{variables}} a mail template may use, each with an example. Kept free of imports: the web
// app's template editor lists them from this very table.
export const TEMPLATE_VARIABLES = {
  'contact.name': 'Dana Whitfield',
  'contact.firstName': 'Dana',
  'contact.company': 'Whitfield Farms',
  'lead.title': 'Barn roof',
  'workspace.name': 'Whitfield Roofing',
  'sender.email': 'maria@whitfield.example',
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
