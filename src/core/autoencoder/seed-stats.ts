/** The shape of the exercise 1 seed table: one row per run, statistics per model. */

export interface SeedRow {
  readonly model: string;
  readonly seed: number;
  readonly mse: number;
}

export interface ModelStats {
  readonly model: string;
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly bestSeed: number;
  readonly worstSeed: number;
}
