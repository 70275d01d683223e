// @observablehq/inputs ships no type declarations; this is the part the project uses.
declare module "@observablehq/inputs" {
  type Input<T> = HTMLElement & {value: T};
  interface Common {
    label?: string | Node;
    disabled?: boolean;
  }
  export function range(
    extent: [number, number],
    options?: Common & {
      value?: unknown;
      step?: number;
      format?: (x: number) => string;
      transform?: (x: number) => number;
      invert?: (x: number) => number;
    }
  ): Input<number>;
  export function select<T>(
    data: readonly T[],
    options?: Common & {value?: unknown; format?: (x: T) => string}
  ): Input<T>;
  export function radio<T>(
    data: readonly T[],
    options?: Common & {value?: unknown; format?: (x: T) => string}
  ): Input<T>;
  export function toggle(options?: Common & {value?: boolean}): Input<boolean>;
  export function button(
    content?: string | Node,
    options?: Common & {value?: unknown; reduce?: (v: unknown) => unknown}
  ): Input<unknown>;
  export function table(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function checkbox<T>(
    data: readonly T[],
    options?: Common & {value?: readonly T[]; format?: (x: T) => string}
  ): Input<T[]>;
}
