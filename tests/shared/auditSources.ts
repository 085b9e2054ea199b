import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * What the server's code writes to the audit log: every `action` and `entity` given to `audit(…)`
 * or `recordExport`, read from the syntax tree. A literal is one name; a conditional gives both
 * branches; a template is a pattern (`entry.${action}` → /^entry\.[a-z_]+$/) the table must match.
 */
export interface AuditSources {
  actions: string[];
  actionPatterns: RegExp[];
  entities: string[];
}

const AUDIT_CALLS = new Set(['audit', 'recordExport']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The strings an expression may be: literals, both arms of a conditional; a pattern for a template. */
function valuesOf(node: ts.Expression): { literals: string[]; patterns: RegExp[] } {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { literals: [node.text], patterns: [] };
  if (ts.isParenthesizedExpression(node)) return valuesOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = valuesOf(node.whenTrue);
    const b = valuesOf(node.whenFalse);
    return { literals: [...a.literals, ...b.literals], patterns: [...a.patterns, ...b.patterns] };
  }
  if (ts.isTemplateExpression(node)) {
    // Expand substitutions that are themselves literals or conditionals of literals; the rest is a wildcard.
    let variants = [node.head.text];
    let pattern = escape(node.head.text);
    let exact = true;
    for (const span of node.templateSpans) {
      const inner = valuesOf(span.expression);
      if (inner.patterns.length === 0 && inner.literals.length > 0) {
        variants = variants.flatMap((v) => inner.literals.map((l) => v + l + span.literal.text));
        pattern += `(${inner.literals.map(escape).join('|')})${escape(span.literal.text)}`;
      } else {
        exact = false;
        pattern += `[a-z_]+${escape(span.literal.text)}`;
      }
    }
    return exact ? { literals: variants, patterns: [] } : { literals: [], patterns: [new RegExp(`^${pattern}$`)] };
  }
  // An identifier or property access: a value decided elsewhere; the type of `audit()` holds it.
  return { literals: [], patterns: [] };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function auditSources(serverSrc: string): AuditSources {
  const out: AuditSources = { actions: [], actionPatterns: [], entities: [] };
  for (const file of filesUnder(serverSrc)) {
    const text = readFileSync(file, 'utf8');
    if (!/\b(audit|recordExport)\b/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : undefined;
        // `audit(ctx, {…})`, `recordExport(ctx, {…})`, and routes' `run(recordExport, {…})`.
        const isRun = name === 'run' && node.arguments[0] && ts.isIdentifier(node.arguments[0]) && AUDIT_CALLS.has(node.arguments[0].text);
        if ((name && AUDIT_CALLS.has(name)) || isRun) {
          const props = node.arguments[1];
          if (props && ts.isObjectLiteralExpression(props)) {
            for (const prop of props.properties) {
              if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
              const values = valuesOf(prop.initializer);
              if (prop.name.text === 'action') {
                out.actions.push(...values.literals);
                out.actionPatterns.push(...values.patterns);
              } else if (prop.name.text === 'entity') out.entities.push(...values.literals);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions: [...new Set(out.actions)].sort(), actionPatterns: out.actionPatterns, entities: [...new Set(out.entities)].sort() };
}
