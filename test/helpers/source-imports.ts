// What each TypeScript file under a folder imports for its values at the top, read with the
// TypeScript parser: type-only imports and re-exports are erased by the compiler and left out.
// Used by the guards on src/'s module graph (no run-time cycle; what the CLI loads at start-up).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** Each .ts file under dir (absolute path) and the module specifiers it imports or re-exports for their values. */
export function valueImportSpecifiers(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const file = join(dir, entry);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const specifiers: string[] = [];
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
      if (ts.isExportDeclaration(statement) && statement.isTypeOnly) continue;
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause?.isTypeOnly) continue;
        const bindings = clause?.namedBindings;
        if (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly)) continue;
      }
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
    graph.set(file, specifiers);
  }
  return graph;
}

/** The .ts file a relative specifier (`./x.js`) names, from the file that imports it. */
export function importedFile(from: string, specifier: string): string {
  return resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
}
