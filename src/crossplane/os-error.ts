// The text of a Python OSError (`[Errno 2] No such file or directory: 'bar.conf'`) from a host's read failure.
import { pythonRepr } from "./python-path.js";

// Linux errno numbers for the reasons the hosts report (src/cli/disk-host.ts describes errors with strerror text).
const ERRNO: Record<string, number> = {
  "No such file or directory": 2,
  "Permission denied": 13,
  "Not a directory": 20,
  "Is a directory": 21,
  "File name too long": 36,
  "Too many levels of symbolic links": 40,
};

export function osErrorText(reason: string, path: string): string {
  const errno = ERRNO[reason];
  return errno === undefined ? `${reason}: ${pythonRepr(path)}` : `[Errno ${errno}] ${reason}: ${pythonRepr(path)}`;
}
