/** A grid command that could not be run or whose output made no sense; the message names the command. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

/** One line, bounded: command output ends up in a Sensu status line. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
