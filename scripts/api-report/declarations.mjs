// What the built declarations say, read with TypeScript: the client's flow helpers and error classes (each export's
// signature and the first paragraph of its doc comment, each error class's base and own fields), and the names the
// contract exports.
import { join } from 'node:path';
import ts from 'typescript';
import { contractDir } from '../apis.mjs';
import { builtFile, root } from '../paths.mjs';

function program() {
  const entries = [builtFile('client', 'index.d.ts'), builtFile('client', 'flow.d.ts'), join(contractDir, 'src', 'index.d.ts')];
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'packages', 'client', 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} });
  const built = ts.createProgram(entries, { ...config.options, noEmit: true });
  return { checker: built.getTypeChecker(), modules: entries.map((file) => built.getSourceFile(file)) };
}

const firstParagraph = (checker, symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();

const resolved = (checker, symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);

const printer = ts.createPrinter({ removeComments: true });

/** A function's declaration as written in its .d.ts, without `export declare function` (`nextStep(input: SetupState): NextStep`). */
const signatureText = (declaration) =>
  printer
    .printNode(ts.EmitHint.Unspecified, declaration, declaration.getSourceFile())
    .replace(/^export declare function /, '')
    .replace(/;$/, '')
    .replace(/\s+/g, ' ');

/** How many classes stand between a class and `Error`, so that base classes come first. */
const depth = (checker, type) => {
  const [base] = checker.getBaseTypes(type);
  return base?.isClassOrInterface() && base.symbol.name !== 'Error' ? 1 + depth(checker, base) : 0;
};

function extendsError(checker, type) {
  return (checker.getBaseTypes?.(type) ?? []).some((base) => base.symbol?.name === 'Error' || (base.isClassOrInterface() && extendsError(checker, base)));
}

/**
 * `{ flowHelpers: [{ name, signatures, doc }], errorClasses: [{ name, base, doc, fields }], contractExports }`: the functions of
 * `@beeper-setup/client/flow` in export order, and the classes of `@beeper-setup/client` that extend `Error`, each
 * base class before those that extend it.
 */
export function builtDeclarations() {
  const { checker, modules } = program();
  const [index, flow, contract] = modules.map((file) => checker.getExportsOfModule(checker.getSymbolAtLocation(file)));

  const flowHelpers = flow
    .map((symbol) => [symbol, resolved(checker, symbol)])
    .filter(([, target]) => target.flags & ts.SymbolFlags.Function)
    .map(([symbol, target]) => ({ name: symbol.name, signatures: target.declarations.map(signatureText), doc: firstParagraph(checker, target) }));

  const errorClasses = index
    .map((symbol) => [symbol, resolved(checker, symbol)])
    .filter(([, target]) => target.flags & ts.SymbolFlags.Class)
    .map(([symbol, target]) => ({ symbol, target, type: checker.getDeclaredTypeOfSymbol(target) }))
    .filter(({ type }) => extendsError(checker, type))
    .map(({ symbol, target, type }) => {
      const declaration = target.declarations[0];
      const fields = type
        .getProperties()
        .filter((property) => property.declarations?.some((d) => d.parent === declaration) && property.name !== 'name' && property.flags & ts.SymbolFlags.Property)
        .map((property) => property.name);
      return { name: symbol.name, base: checker.getBaseTypes(type)[0]?.symbol?.name, doc: firstParagraph(checker, target), fields, depth: depth(checker, type) };
    })
    .sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name))
    .map(({ depth: _, ...errorClass }) => errorClass);

  return { flowHelpers, errorClasses, contractExports: new Set(contract.map((symbol) => symbol.name)) };
}
