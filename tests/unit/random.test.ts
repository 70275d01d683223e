import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {rectangleData} from "../../src/core/autoencoder/rectangle.js";
import {createRng, scrambleSeed} from "../../src/core/engine/random.js";

describe("seeded random source", () => {
  it("repeats its stream for the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; ++i) assert.equal(a.next(), b.next());
  });

  it("starts neighbouring seeds far apart", () => {
    const firsts = [0, 1, 2, 3, 4, 5, 6, 7].map((s) => createRng(s).next());
    const sorted = [...firsts].sort((x, y) => x - y);
    // Unscrambled, the first draws of seeds 0..7 would lie within 0.18 of each other.
    assert.ok(sorted[sorted.length - 1] - sorted[0] > 0.3, `first draws ${firsts}`);
    assert.notEqual(scrambleSeed(0), scrambleSeed(1));
  });

  it("draws uniform values with the right mean and a normal with unit variance", () => {
    const rng = createRng(3);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    let u = 0;
    for (let i = 0; i < n; ++i) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
      u += rng.next();
    }
    assert.ok(Math.abs(s / n) < 0.03);
    assert.ok(Math.abs(s2 / n - 1) < 0.04);
    assert.ok(Math.abs(u / n - 0.5) < 0.01);
  });

  it("shuffles into a permutation", () => {
    const order = createRng(1).shuffle(Int32Array.from({length: 100}, (_, i) => i));
    assert.deepEqual(
      Array.from(order).sort((a, b) => a - b),
      Array.from({length: 100}, (_, i) => i)
    );
    assert.notDeepEqual(
      Array.from(order),
      Array.from({length: 100}, (_, i) => i)
    );
  });
});

describe("the data set", () => {
  it("lies in [-2, 2] x [-1, 1] and fills it", () => {
    const x = rectangleData(1000, createRng(6));
    const xs = x.filter((_, k) => k % 2 === 0);
    const ys = x.filter((_, k) => k % 2 === 1);
    assert.ok(xs.every((v) => v >= -2 && v < 2) && ys.every((v) => v >= -1 && v < 1));
    assert.ok(Math.min(...xs) < -1.9 && Math.max(...xs) > 1.9);
    assert.ok(Math.min(...ys) < -0.95 && Math.max(...ys) > 0.95);
  });
});
