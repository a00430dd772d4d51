// An error the user can act on (bad option, unreadable input): printed as one line, exit code 2.
export class UsageError extends Error {}
