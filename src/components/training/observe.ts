/**
 * A reactive value fed by callbacks, as Framework's `Generators.observe` makes
 * one: `init(notify)` starts whatever calls `notify(value)` and returns its
 * disposer. The page pulls promises of the next value (the latest one, if it
 * came while nobody asked); when the page drops the value (the cell re-runs,
 * the reader leaves) `return()` runs the disposer at once, even while a pull is
 * pending (an async generator would wait for that pull first).
 */
export interface Observed<T> extends Iterator<Promise<T>> {
  next(): IteratorResult<Promise<T>>;
  return(): IteratorResult<Promise<T>>;
  [Symbol.iterator](): Observed<T>;
}

export function observe<T>(init: (notify: (value: T) => void) => (() => void) | void): Observed<T> {
  let latest: {value: T} | undefined;
  let waiting: ((value: T) => void) | undefined;
  let done = false;
  const dispose = init((value) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(value);
    } else latest = {value};
  });
  const iterator: Observed<T> = {
    next() {
      if (latest) {
        const {value} = latest;
        latest = undefined;
        return {done: false, value: Promise.resolve(value)};
      }
      return {done: false, value: new Promise<T>((resolve) => (waiting = resolve))};
    },
    return() {
      if (!done) {
        done = true;
        dispose?.();
      }
      return {done: true, value: undefined};
    },
    [Symbol.iterator]: () => iterator
  };
  return iterator;
}
