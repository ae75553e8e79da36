/** How the sidebar words names and counts from the sheets. */

/** “Name”: names from a sheet stand out in curly quotes, as in the server's messages. */
export function quotedName(name: string): string {
  return `\u201c${name}\u201d`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
