/** The text of a cell's first comment ("// Fit the model" → "Fit the model"), if it has one. */
export function firstComment(source: string): string | undefined {
  const line = source.split('\n').find((text) => /^\s*(\/\/|\/\*)/.test(text));
  const text = line?.trim().replace(/^(\/\/+|\/\*+)\s*/, '').replace(/\s*\*\/$/, '');
  return text === '' ? undefined : text;
}
