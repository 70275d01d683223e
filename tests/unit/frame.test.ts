import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {curveSize, fitFrame, frameExits} from "../../src/core/autoencoder/frame.js";

const rect = {x: [-2, 2], y: [-1, 1]} as const;

describe("the frame of a decoder figure", () => {
  it("is the rectangle with a margin when the curve lies inside", () => {
    const f = fitFrame(rect, [
      [
        [0, 0],
        [1, 0.5]
      ]
    ]);
    assert.deepEqual([f.x, f.y, f.clipped], [[-2.5, 2.5], [-1.5, 1.5], false]);
  });

  it("grows to hold a curve that leaves the rectangle, e.g. through the top at x₂ = 1.9", () => {
    const f = fitFrame(rect, [
      [
        [1.5, 0],
        [1.7, 1.9]
      ]
    ]);
    assert.ok(f.y[1] >= 1.9 && f.y[1] <= 2.5, String(f.y));
    assert.equal(f.clipped, false);
    assert.deepEqual(
      frameExits(
        [
          [1.5, 0],
          [1.7, 1.9]
        ],
        f
      ),
      []
    );
  });

  it("stops at the limit, says so, and finds where the curve leaves", () => {
    const curve = [
      [0, 0],
      [0, 10],
      [20, 10]
    ];
    const f = fitFrame(rect, [curve]);
    assert.equal(f.clipped, true);
    assert.ok(f.y[1] <= 3.5 && f.x[1] <= 6.5, JSON.stringify(f));
    const exits = frameExits(curve, f);
    assert.equal(exits.length, 1);
    assert.equal(exits[0].side, "top");
    assert.equal(exits[0].x, 0);
    assert.equal(exits[0].y, f.y[1]);
  });

  it("keeps x and y in a readable proportion", () => {
    const f = fitFrame(rect, [
      [
        [0, -3],
        [0, 3]
      ]
    ]);
    const ratio = (f.y[1] - f.y[0]) / (f.x[1] - f.x[0]);
    assert.ok(ratio <= 1 + 1e-9 && ratio >= 0.4, String(ratio));
  });

  it("measures how big a curve is (a dot is tiny)", () => {
    assert.equal(curveSize([[0.1, 0.2]]), 0);
    assert.ok(
      Math.abs(
        curveSize([
          [0, 0],
          [0.003, 0.001],
          [NaN, 1]
        ]) - 0.003
      ) < 1e-12
    );
  });
});
