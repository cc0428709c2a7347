/**
 * Remembers the last result of `derive`: called again with the same argument (by identity) it
 * returns the same result, so an element given it as a property sees no change on a re-render.
 */
export function memoLast<A, R>(derive: (argument: A) => R): (argument: A) => R {
  let last: { argument: A; result: R } | undefined;
  return (argument) => {
    if (!last || last.argument !== argument) last = { argument, result: derive(argument) };
    return last.result;
  };
}
