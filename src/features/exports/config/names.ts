/**
 * Turning free-text server and scenario names into what each config syntax accepts. Names are the
 * person's own text and may hold anything (quotes, markup, line breaks), so nothing from a name
 * reaches a snippet except through one of these functions.
 */

/** Port of the first placeholder addresses (the next 762 servers take the next port…). */
export const PLACEHOLDER_PORT = 8080;
/**
 * IPv4 blocks reserved for documentation (RFC 5737): they are valid addresses, so `nginx -t`,
 * `haproxy -c` and Envoy accept a config as exported, and they reach nothing on any network.
 */
export const DOCUMENTATION_NETS = ['192.0.2', '198.51.100', '203.0.113'] as const;

/** A placeholder address per server, unique for any number of servers: 192.0.2.1:8080 on. */
export function placeholderAddresses(
  count: number,
): Array<{ readonly host: string; readonly port: number }> {
  const perNet = 254;
  const perPort = perNet * DOCUMENTATION_NETS.length;
  return Array.from({ length: count }, (_, i) => ({
    host: `${DOCUMENTATION_NETS[Math.floor(i / perNet) % DOCUMENTATION_NETS.length]}.${(i % perNet) + 1}`,
    port: PLACEHOLDER_PORT + Math.floor(i / perPort),
  }));
}

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
  const example = first ? ` (“${commentText(names[0]!, 40)}” is ${hosts[0]})` : '';
  return (
    `Server addresses are placeholders from the documentation ranges of RFC 5737${example}, ` +
    'each server named in a comment beside it: they pass the product’s config check but reach ' +
    'nothing. Put your real hosts and ports in their place.'
  );
}
