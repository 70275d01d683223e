/**
 * The frame of a figure of curves in the input plane: the data's rectangle with
 * a margin, grown to hold every curve up to a limit (rounded outward, so frames
 * do not jitter while a curve moves), with x and y in proportion. What lies
 * beyond the limit is cut off, and `frameExits` says where each curve leaves
 * the frame, so that the figure can mark it. No DOM.
 */

export interface Box {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export interface FrameOptions {
  /** Margin around the base rectangle, in data units. */
  readonly margin?: number;
  /** The frame never grows past the base rectangle scaled by this factor about its centre. */
  readonly limit?: number;
  /** Frame edges are rounded outward to multiples of this. */
  readonly step?: number;
  /** Allowed range of height / width (in data units): the frame widens the other way to stay inside it. */
  readonly aspect?: readonly [number, number];
}

export interface Frame extends Box {
  /** Some curve point lies outside the frame (it reached the limit). */
  readonly clipped: boolean;
}

type Point = readonly number[];

const finite = (p: Point) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** The frame that holds `base` (with margin) and every point of `curves`, within the limit. */
export function fitFrame(
  base: Box,
  curves: readonly (readonly Point[])[],
  options: FrameOptions = {}
): Frame {
  const {margin = 0.3, limit = 3, step = 0.5, aspect = [0.4, 1]} = options;
  const cx = (base.x[0] + base.x[1]) / 2;
  const cy = (base.y[0] + base.y[1]) / 2;
  const hx = ((base.x[1] - base.x[0]) / 2) * limit;
  const hy = ((base.y[1] - base.y[0]) / 2) * limit;
  const max = {x: [cx - hx, cx + hx], y: [cy - hy, cy + hy]};
  let x0 = base.x[0] - margin;
  let x1 = base.x[1] + margin;
  let y0 = base.y[0] - margin;
  let y1 = base.y[1] + margin;
  let clipped = false;
  for (const curve of curves) {
    for (const p of curve) {
      if (!finite(p)) continue;
      if (p[0] < max.x[0] || p[0] > max.x[1] || p[1] < max.y[0] || p[1] > max.y[1]) clipped = true;
      x0 = Math.min(x0, Math.max(max.x[0], p[0] - margin / 3));
      x1 = Math.max(x1, Math.min(max.x[1], p[0] + margin / 3));
      y0 = Math.min(y0, Math.max(max.y[0], p[1] - margin / 3));
      y1 = Math.max(y1, Math.min(max.y[1], p[1] + margin / 3));
    }
  }
  const down = (v: number) => Math.floor(v / step + 1e-9) * step;
  const up = (v: number) => Math.ceil(v / step - 1e-9) * step;
  [x0, x1, y0, y1] = [down(x0), up(x1), down(y0), up(y1)];
  // Keep the proportions readable: widen the short side symmetrically.
  const ratio = (y1 - y0) / (x1 - x0);
  if (ratio > aspect[1]) {
    const grow = ((y1 - y0) / aspect[1] - (x1 - x0)) / 2;
    [x0, x1] = [down(x0 - grow), up(x1 + grow)];
  } else if (ratio < aspect[0]) {
    const grow = ((x1 - x0) * aspect[0] - (y1 - y0)) / 2;
    [y0, y1] = [down(y0 - grow), up(y1 + grow)];
  }
  return {x: [x0, x1], y: [y0, y1], clipped};
}

export type Side = "top" | "bottom" | "left" | "right";

export interface Exit {
  /** Where the curve crosses the frame's edge, going out. */
  readonly x: number;
  readonly y: number;
  readonly side: Side;
}

const inside = (p: Point, f: Box) => p[0] >= f.x[0] && p[0] <= f.x[1] && p[1] >= f.y[0] && p[1] <= f.y[1];

/** Every place where the polyline goes from inside the frame to outside it (a curve that starts outside counts where it first leaves after entering). */
export function frameExits(curve: readonly Point[], frame: Box): Exit[] {
  const exits: Exit[] = [];
  for (let k = 1; k < curve.length; ++k) {
    const a = curve[k - 1];
    const b = curve[k];
    if (!finite(a) || !inside(a, frame)) continue;
    if (finite(b) && inside(b, frame)) continue;
    if (!finite(b)) continue;
    // The first edge the segment a→b crosses.
    let t = 1;
    let side: Side = "right";
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const consider = (tt: number, s: Side) => {
      if (tt >= 0 && tt < t) {
        t = tt;
        side = s;
      }
    };
    if (dx > 0) consider((frame.x[1] - a[0]) / dx, "right");
    if (dx < 0) consider((frame.x[0] - a[0]) / dx, "left");
    if (dy > 0) consider((frame.y[1] - a[1]) / dy, "top");
    if (dy < 0) consider((frame.y[0] - a[1]) / dy, "bottom");
    exits.push({x: a[0] + t * dx, y: a[1] + t * dy, side});
  }
  return exits;
}

/** The larger side of the box around the finite points of a curve (0 for a single point). */
export function curveSize(curve: readonly Point[]): number {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of curve) {
    if (!finite(p)) continue;
    x0 = Math.min(x0, p[0]);
    x1 = Math.max(x1, p[0]);
    y0 = Math.min(y0, p[1]);
    y1 = Math.max(y1, p[1]);
  }
  return x1 < x0 ? 0 : Math.max(x1 - x0, y1 - y0);
}
