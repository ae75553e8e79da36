/** How the sidebar words names and counts from the sheets. */

/** “Name”: names from a sheet stand out in curly quotes, as in the server's messages. */
export function quotedName(name: string): string {
  return `\u201c${name}\u201d`;
}

/** A full stop after `text`, unless it already ends a sentence (a column named "Anything else?"). */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
