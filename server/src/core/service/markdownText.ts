/** Text from documents shown in Markdown hovers: characters Markdown would act on are escaped. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}

/** A Markdown link whose label is shown as code. */
export function codeLink(label: string, uri: string): string {
  return `[${code(label)}](${uri.replace(/[()\s]/g, encodeURIComponent)})`;
}
