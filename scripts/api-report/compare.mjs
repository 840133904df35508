// What changed between two API reports of one entry point, export by export: `removed`, `changed` or `added`, each
// named by the deepest member it can be (`SetupClientOptions.timeoutMs`). Members of interfaces, object types,
// classes, enums and namespaces are compared one by one, so a new member is an addition; any other difference in a
// declaration's text (comments and layout aside) is a change. A declaration the entry point does not export (a type
// its exports use) is compared as part of them: a change there is a change of the API.
import ts from 'typescript';

/** The TypeScript inside a report's ```ts fence. */
function reportCode(report) {
  const start = report.indexOf('```ts\n');
  const end = report.lastIndexOf('```');
  return start === -1 || end <= start ? '' : report.slice(start + 6, end);
}

const printer = ts.createPrinter({ removeComments: true });
/**
 * Each report's imported names, as what they name (`import("@beeper-setup/contract/control").Verification`): API
 * Extractor renames an import (`Verification_2`) when another of the same name joins the report, which changes no type.
 */
const importedNames = new WeakMap();
const canonical = (text, file) => text.replace(/[A-Za-z_$][\w$]*/g, (name) => importedNames.get(file)?.get(name) ?? name);
const printed = (node, file) => canonical(printer.printNode(ts.EmitHint.Unspecified, node, file), file).replace(/\s+/g, ' ').trim();

function importsOf(file) {
  const names = new Map();
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    for (const element of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
      names.set(element.name.text, `import(${statement.moduleSpecifier.getText(file)}).${(element.propertyName ?? element.name).text}`);
    }
  }
  return names;
}
const emptyType = ts.factory.createTypeLiteralNode([]);

const hasExport = (node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** A member's key: its name, or what stands for it (`[index]`, `()`, `new()`, `constructor`). */
function memberKey(member, file) {
  if (ts.isIndexSignatureDeclaration(member)) return '[index]';
  if (ts.isCallSignatureDeclaration(member)) return '()';
  if (ts.isConstructSignatureDeclaration(member)) return 'new()';
  if (ts.isConstructorDeclaration(member)) return 'constructor';
  return member.name ? member.name.getText(file).replace(/^(["'])(.*)\1$/, '$2') : printed(member, file);
}

/** A declaration's text without its body: up to its braces, or with its object type emptied (`readonly a?: {}`). */
function headOf(node, file) {
  if (ts.isTypeAliasDeclaration(node)) {
    return printed(ts.factory.updateTypeAliasDeclaration(node, node.modifiers, node.name, node.typeParameters, emptyType), file);
  }
  if (ts.isVariableDeclaration(node)) return printed(ts.factory.updateVariableDeclaration(node, node.name, undefined, emptyType, undefined), file);
  if (ts.isPropertySignature(node)) {
    return printed(ts.factory.updatePropertySignature(node, node.modifiers, node.name, node.questionToken, emptyType), file);
  }
  if (ts.isPropertyDeclaration(node)) {
    return printed(ts.factory.updatePropertyDeclaration(node, node.modifiers, node.name, node.questionToken, emptyType, undefined), file);
  }
  const text = printed(node, file);
  return text.slice(0, text.indexOf('{')).trim();
}

/** The members a declaration is compared by, or undefined for one compared by its text alone. */
function membersOf(node, file) {
  if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) return shapes(node.members, file);
  if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
    return new Map([...declarations(node.body.statements, file)].map(([name, { shape }]) => [name, shape]));
  }
  const typed = ts.isTypeAliasDeclaration(node) || ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node);
  return typed && node.type && ts.isTypeLiteralNode(node.type) ? shapes(node.type.members, file) : undefined;
}

/** `{ text }` for a leaf, `{ head, members }` for a declaration with members; overloads are one leaf. */
function shapeOf(nodes, file) {
  const members = nodes.length === 1 ? membersOf(nodes[0], file) : undefined;
  return members ? { head: headOf(nodes[0], file), members } : { text: nodes.map((node) => printed(node, file)).join(' ') };
}

function shapes(members, file) {
  const byKey = new Map();
  for (const member of members) {
    const key = memberKey(member, file);
    byKey.set(key, [...(byKey.get(key) ?? []), member]);
  }
  return new Map([...byKey].map(([key, nodes]) => [key, shapeOf(nodes, file)]));
}

/**
 * The declarations of a report's code or a namespace's body: `Map<name, { exported, shape }>`. A name imported and
 * exported again (`export { Problem }`) is a leaf saying where it comes from.
 */
function declarations(statements, file) {
  const imported = new Map();
  const nodes = new Map();
  const exported = new Set();
  /** exported name → the local name it exports */
  const exportedAs = new Map();
  const declare = (name, node, isExported) => {
    nodes.set(name, [...(nodes.get(name) ?? []), node]);
    if (isExported) exported.add(name);
  };
  for (const statement of statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = statement.moduleSpecifier.getText(file);
      const clause = statement.importClause;
      if (clause?.name) imported.set(clause.name.text, `default from ${from}`);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imported.set(bindings.name.text, `* from ${from}`);
      for (const element of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
        imported.set(element.name.text, `${(element.propertyName ?? element.name).text} from ${from}`);
      }
    } else if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier?.getText(file);
      if (!statement.exportClause) declare(`* from ${from}`, statement, true);
      for (const element of statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : []) {
        const local = (element.propertyName ?? element.name).text;
        if (from) imported.set(`${local} from ${from}`, `${local} from ${from}`);
        exportedAs.set(element.name.text, from ? `${local} from ${from}` : local);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) declare(declaration.name.getText(file), declaration, hasExport(statement));
    } else if (statement.name) {
      declare(statement.name.getText(file), statement, hasExport(statement) || ts.isModuleBlock(statement.parent));
    }
  }
  const found = new Map([...nodes].map(([name, list]) => [name, { exported: exported.has(name), shape: shapeOf(list, file) }]));
  for (const [name, local] of exportedAs) {
    const declared = found.get(local);
    if (declared && name === local) declared.exported = true;
    else found.set(name, { exported: true, shape: declared?.shape ?? { text: imported.get(local) ?? local } });
  }
  return found;
}

/** The declarations of a report (none for a missing one), by name. */
export function reportDeclarations(report) {
  const file = ts.createSourceFile('report.d.ts', reportCode(report ?? ''), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  importedNames.set(file, importsOf(file));
  return declarations(file.statements, file);
}

const sameShape = (a, b) => JSON.stringify(a, (_, value) => (value instanceof Map ? [...value] : value)) === JSON.stringify(b, (_, value) => (value instanceof Map ? [...value] : value));

const brief = (shape) => {
  const text = shape.text ?? (/\{\s*\};?$/.test(shape.head) ? shape.head.replace(/\{\s*\};?$/, '{ … }') : `${shape.head} { … }`);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

function compareShapes(path, before, after, changes) {
  if (sameShape(before, after)) return;
  if (!before.members || !after.members || before.head !== after.head) {
    changes.push({ kind: 'changed', name: path, before: brief(before), after: brief(after) });
    return;
  }
  for (const [key, shape] of before.members) {
    const now = after.members.get(key);
    if (now) compareShapes(`${path}.${key}`, shape, now, changes);
    else changes.push({ kind: 'removed', name: `${path}.${key}`, before: brief(shape) });
  }
  for (const [key, shape] of after.members) {
    if (!before.members.has(key)) changes.push({ kind: 'added', name: `${path}.${key}`, after: brief(shape) });
  }
}

/**
 * The changes from one report to the next: `{ kind: 'removed' | 'changed' | 'added', name, before?, after? }`.
 * A declaration that is not exported counts only where it changed: its coming and going follows the exports that
 * use it, which are compared themselves.
 */
export function compareReports(beforeReport, afterReport) {
  const before = reportDeclarations(beforeReport);
  const after = reportDeclarations(afterReport);
  const changes = [];
  for (const [name, declaration] of before) {
    const now = after.get(name);
    if (declaration.exported && !now?.exported) changes.push({ kind: 'removed', name, before: brief(declaration.shape) });
    else if (now) compareShapes(name, declaration.shape, now.shape, changes);
  }
  for (const [name, declaration] of after) {
    if (declaration.exported && !before.get(name)?.exported) changes.push({ kind: 'added', name, after: brief(declaration.shape) });
  }
  return changes;
}
