/**
 * The properties a strict object of the raw schema accepts at a given path, read from the
 * zod schema itself so the "did you mean" list can never drift from what is accepted.
 */
import { z } from 'zod';

type Segment = string | number;

/** Peels the wrappers that do not change the shape: optional, default, preprocess pipes. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodDefault) return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return unwrap(schema.out as z.ZodType);
  return schema;
}

function step(schema: z.ZodType, segment: Segment): z.ZodType[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodUnion)
    return (inner.options as z.ZodType[]).flatMap((option) => step(option, segment));
  if (inner instanceof z.ZodObject) {
    const child = (inner.shape as Record<string, z.ZodType>)[String(segment)];
    return child ? [child] : [];
  }
  if (inner instanceof z.ZodRecord) return [inner.valueType as z.ZodType];
  if (inner instanceof z.ZodArray) return [inner.element as z.ZodType];
  return [];
}

/** Every property name an object at `path` may have (the union over alternatives). */
export function knownKeysAt(schema: z.ZodType, path: readonly Segment[]): string[] {
  let schemas = [schema];
  for (const segment of path) schemas = schemas.flatMap((s) => step(s, segment));
  const keys = new Set<string>();
  const collect = (candidate: z.ZodType): void => {
    const inner = unwrap(candidate);
    if (inner instanceof z.ZodUnion) (inner.options as z.ZodType[]).forEach(collect);
    if (inner instanceof z.ZodObject)
      Object.keys(inner.shape as object).forEach((key) => keys.add(key));
  };
  schemas.forEach(collect);
  return [...keys];
}
