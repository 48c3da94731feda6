/**
 * Input limits every reader applies (the CLI's directory walk and the Action's and App's
 * sources), so one file is read, or refused, the same way wherever meshguard runs.
 */

/** A file larger than this is reported as unreadable rather than parsed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** The reason an unreadable-file report gives for a file over {@link MAX_FILE_BYTES}. */
export const TOO_LARGE_REASON = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`;
