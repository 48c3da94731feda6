/** Where the GitHub layer writes what it is doing: `@actions/core` in the Action, pino in the App. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** Something the user should act on; the Action shows these as annotations. */
  warning(message: string): void;
  error(message: string): void;
}

/** A logger that keeps messages, for tests and for callers that print later. */
export function memoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}
