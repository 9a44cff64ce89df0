/**
 * Turning free-text server and scenario names into what each config syntax accepts. Names are the
 * person's own text and may hold anything (quotes, markup, line breaks), so nothing from a name
 * reaches a snippet except through one of these functions.
 */

/** Port of every placeholder address. */
export const PLACEHOLDER_PORT = 8080;
/** Domain of every placeholder address: `Server-A` → `server-a.internal`. */
export const PLACEHOLDER_DOMAIN = 'internal';

/** Accents split off (é → e), so "Café" becomes "cafe" rather than "caf-". */
function plain(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Each name made unique by `-2`, `-3`… (compared without case: hosts and ids are looked up so). */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A DNS label (a–z, 0–9, inner hyphens, at most 63 characters) from a name, or `fallback`. */
export function hostLabel(name: string, fallback: string): string {
  const label = plain(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 56) // room for a "-NN" that makes it unique
    .replace(/-+$/, '');
  return label || fallback;
}

/** Placeholder hosts for the servers, unique, in order: `server-a.internal`. */
export function placeholderHosts(names: readonly string[]): string[] {
  return unique(names.map((name, i) => hostLabel(name, `server-${i + 1}`))).map(
    (label) => `${label}.${PLACEHOLDER_DOMAIN}`,
  );
}

/**
 * Identifiers for HAProxy servers and for section names: letters, digits, `_`, `.`, `-` only
 * (HAProxy also allows `:`, left out so an id never looks like an address). Case is kept.
 */
export function safeIds(names: readonly string[], fallback: string): string[] {
  return unique(
    names.map((name, i) => {
      const id = plain(name)
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[-.]+/, '')
        .slice(0, 56)
        .replace(/[-.]+$/, '');
      return id || `${fallback}${names.length > 1 ? i + 1 : ''}`;
    }),
  );
}

/** A section name (`upstream`, `backend`, Envoy cluster) from the scenario's name. */
export function sectionName(scenarioName: string): string {
  const name = plain(scenarioName)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return name || 'backend';
}

/**
 * Text safe inside a `#` comment of any of the three formats: one line (line breaks, other
 * control characters and Unicode line separators become spaces), at most `max` characters.
 */
export function commentText(text: string, max = 80): string {
  const line = [
    ...text
      .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  return line.length > max ? `${line.slice(0, max - 1).join('')}…` : line.join('');
}

/**
 * A YAML double-quoted scalar. Everything outside printable ASCII is escaped as `\uXXXX`, so no
 * character of the name can end the string, start a comment or break the line.
 */
export function yamlString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** The placeholder addresses note every format shares. */
export function addressNote(names: readonly string[], hosts: readonly string[]): string {
  const first = names[0] !== undefined && hosts[0] !== undefined;
  const example = first
    ? ` (“${commentText(names[0]!, 40)}” → ${hosts[0]}:${PLACEHOLDER_PORT})`
    : '';
  return (
    `Server addresses are placeholders made from the server names${example}: each name is ` +
    'lower-cased and cut down to letters, digits and hyphens so it is a valid host name. Put ' +
    'your real hosts and ports in their place.'
  );
}
