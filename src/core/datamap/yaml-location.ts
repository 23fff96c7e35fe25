/**
 * Maps a path in the parsed map back to where it is written, so a problem reads
 * `datamap.yaml:42:18` and an editor can jump there. Best effort: a path that does not exist
 * (a missing property) points at its nearest written ancestor.
 */
import type { Document, LineCounter } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';

type Segment = string | number;

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

interface Ranged {
  range?: [number, number, number] | null;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function startOf(node: unknown): number | undefined {
  return (node as Ranged | null | undefined)?.range?.[0];
}

/**
 * A scalar at the end of the path is pointed at itself (`identity: phnoe` → at `phnoe`);
 * a mapping or a missing property at the key that names it (`users:` for a collection).
 */
export function locatePath(
  doc: Document,
  lines: LineCounter,
  path: readonly Segment[],
): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let anchor: unknown = doc.contents;
  let complete = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) {
        complete = false;
        break;
      }
      anchor = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      anchor = node;
    } else {
      complete = false;
      break;
    }
  }
  const offset = complete && isScalar(node) ? startOf(node) : (startOf(anchor) ?? startOf(node));
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** The path of the key or value written at `offset` (for parser errors, which have none). */
export function pathAtOffset(doc: Document, offset: number): Segment[] {
  const path: Segment[] = [];
  let node: unknown = doc.contents;
  const contains = (candidate: unknown): boolean => {
    const range = (candidate as Ranged | null | undefined)?.range;
    return range != null && range[0] <= offset && offset < Math.max(range[1], range[0] + 1);
  };
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => contains(item.key) || contains(item.value));
      const key = pair && keyText(pair.key);
      if (!pair || key === undefined) return path;
      path.push(key);
      if (contains(pair.key)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(contains);
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
}
