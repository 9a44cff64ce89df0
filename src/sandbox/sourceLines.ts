/**
 * The line (1-based) where `name` is declared in a strategy's code: `function name(`, `const name =`
 * (or let, var) or `name =`; null when no line looks like one. Used to point at selectServer when
 * what it returned was refused after it had returned, with no stack frame left to read.
 */
export function declarationLine(code: string, name: string): number | null {
  const patterns = [
    new RegExp(`\\bfunction\\s*\\*?\\s*${name}\\s*\\(`),
    new RegExp(`\\b(?:const|let|var)\\s+${name}\\s*=`),
    new RegExp(`^\\s*${name}\\s*=`),
  ];
  const lines = code.split('\n');
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return null;
}
