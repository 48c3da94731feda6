/** What a command may touch outside the analysis: injected so tests run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Today's date, `YYYY-MM-DD`: the only clock a command may read (ignore expiry). */
  readonly today: () => string;
}

export const ExitCode = {
  ok: 0,
  findings: 1,
  usageOrInput: 2,
} as const;
