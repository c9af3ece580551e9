/** The line and character of the `nth` occurrence of `needle` in `text`, plus `offset` characters (UTF-16, `\n` lines). */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} not found (occurrence ${nth})`);
  }
  const at = index + offset;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return { line: text.slice(0, lineStart).split('\n').length - 1, character: at - lineStart };
}
