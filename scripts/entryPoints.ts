import ts from 'typescript';

/** One public door of the add-on: a function exported by src/main.ts. */
export interface EntryPoint {
  name: string;
  params: string[];
  /** The `/** … *\/` comment above the export, verbatim, or '' when there is none. */
  jsdoc: string;
}

/**
 * Reads the exported functions of src/main.ts. Apps Script only sees top-level
 * function declarations, and esbuild drops comments, so the build writes one
 * stub per export from what this returns.
 */
export function readEntryPoints(fileName: string, source: string): EntryPoint[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const entries: EntryPoint[] = [];
  const where = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return `${fileName}:${line + 1}`;
  };

  for (const statement of file.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
    const exported = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      problems.push(`${where(statement)}: re-exports are not entry points; declare each public function in main.ts`);
      continue;
    }
    if (!exported) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
    if (!ts.isFunctionDeclaration(statement) || !statement.name) {
      problems.push(`${where(statement)}: only named function declarations may be exported from main.ts`);
      continue;
    }
    const name = statement.name.text;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
      // Apps Script would hand google.script.run and Sheets a Promise, not a value.
      problems.push(`${where(statement)}: ${name} is async; Apps Script entry points must return their value`);
    }
    if (name.endsWith('_')) {
      // A trailing underscore makes a function private in Apps Script: the menu and sidebar could not call it.
      problems.push(`${where(statement)}: ${name} ends with "_", which Apps Script treats as private`);
    }
    const params = statement.parameters.map((p, i) => {
      const base = ts.isIdentifier(p.name) ? p.name.text : `arg${i}`;
      return p.dotDotDotToken ? `...${base}` : base;
    });
    const comments = ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? [];
    const doc = comments.filter((c) => source.startsWith('/**', c.pos)).pop();
    entries.push({ name, params, jsdoc: doc ? source.slice(doc.pos, doc.end) : '' });
  }

  if (problems.length > 0) throw new Error(`main.ts cannot be built:\n  ${problems.join('\n  ')}`);
  return entries;
}

/** The top-level declaration Apps Script sees for one entry point. */
export function stubFor(entry: EntryPoint, globalName: string): string {
  const args = entry.params.join(', ');
  const doc = entry.jsdoc ? `${entry.jsdoc}\n` : '';
  return `${doc}function ${entry.name}(${args}) {\n  return ${globalName}.${entry.name}(${args});\n}\n`;
}
