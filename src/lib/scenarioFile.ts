/**
 * Scenario files as the page writes and reads them. Reading only gets as far as "some JSON": the
 * worker validates it against the schema (zod stays out of the page). Every refusal is a sentence
 * that says what is wrong, so the person can fix the file.
 */
import { serializeScenario } from '../engine/scenario/serialize.ts';
import type { Scenario } from '../engine/scenario/types.ts';

/** Files larger than this are refused before they are read (1 MB). */
export const MAX_FILE_BYTES = 1_048_576;
/** Scenario files nest about five levels; anything much deeper is not one. */
export const MAX_JSON_DEPTH = 64;

/** Either the value, or a sentence saying what is wrong. */
export type ReadResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The file a setup is saved as: the v1 format with every field written out, ending in a newline. */
export function scenarioFileText(setup: Scenario): string {
  return `${JSON.stringify(serializeScenario(setup), null, 2)}\n`;
}

/** A file name after the scenario's name: "Classic demo" → "classic-demo.json". */
export function scenarioFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}.json`;
}

/** 1.5 MB, 730 KB, 12 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** How deep the brackets go, and what is still open at the end (a cut-off file leaves some). */
function scan(text: string): { depth: number; open: number; inString: boolean } {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, open: depth, inString };
}

/**
 * Parses JSON text, refusing empty, too deeply nested, cut-off and malformed text with a message
 * that begins with `label` (e.g. `“my-scenario.json”`). Never throws.
 */
export function parseJsonText(text: string, label: string): ReadResult {
  if (text.trim() === '') return { ok: false, message: `${label} is empty.` };
  const shape = scan(text);
  if (shape.depth > MAX_JSON_DEPTH) {
    return {
      ok: false,
      message: `${label} nests lists and objects ${shape.depth} levels deep; a scenario needs about 5 (at most ${MAX_JSON_DEPTH} are read).`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    if (shape.inString || shape.open > 0) {
      const what = shape.inString ? 'a text value' : 'an object or list';
      return {
        ok: false,
        message: `${label} is cut off: the JSON ends in the middle of ${what}. Was it saved or copied completely?`,
      };
    }
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `${label} is not valid JSON: ${reason}.` };
  }
}

/** Reads a scenario file the person chose or dropped: at most 1 MB, JSON. Never throws. */
export async function readScenarioFile(file: File): Promise<ReadResult> {
  const label = `“${file.name}”`;
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `${label} is ${formatBytes(file.size)}; scenario files may be at most ${formatBytes(MAX_FILE_BYTES)}.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, message: `${label} could not be read (${String(e)}).` };
  }
  return parseJsonText(text, label);
}
