// crossplane's treatment of `if (...)`: the parentheses are removed from the first and last argument.

/**
 * When the first argument starts with "(" and the last ends with ")", both are trimmed off (with the spaces
 * next to them) and an argument left empty disappears: `( $a = b )` gives [$a, =, b].
 */
export function stripIfParens(args: string[]): string[] {
  if (args.length === 0 || !args[0].startsWith("(") || !args[args.length - 1].endsWith(")")) return args;
  const out = [...args];
  out[0] = out[0].slice(1).replace(/^\s+/, "");
  out[out.length - 1] = out[out.length - 1].slice(0, -1).replace(/\s+$/, "");
  const start = out[0] === "" ? 1 : 0;
  const end = out.length - (out[out.length - 1] === "" ? 1 : 0);
  return out.slice(start, end);
}
