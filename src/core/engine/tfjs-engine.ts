/**
 * The oracle: the same training step computed by TensorFlow.js itself, with its
 * automatic differentiation (`optimizer.minimize`) and its own Adam and SGD. It is
 * slow for nets this small (one step dispatches hundreds of tiny kernels) but it
 * is the reference the fused step is tested against, and a selectable engine.
 *
 * The caller passes the `tf` module in, so the same code runs on the Node build
 * (`@tensorflow/tfjs`) and on the browser's self-contained ES module build.
 */
import type * as TF from "@tensorflow/tfjs";
import {layerCount, layout} from "./mlp.js";
import type {Problem, StepEngine} from "./problem.js";
import {trainableLayers, validateProblem} from "./problem.js";

export type Tf = typeof TF;

export function createTfjsEngine(tf: Tf, problem: Problem, initial: Float64Array): StepEngine {
  validateProblem(problem);
  const {spec, optimizer} = problem;
  const L = layerCount(spec);
  const layers = layout(spec);
  const trainable = trainableLayers(problem);
  const din = spec.widths[0];
  const dout = spec.widths[L];
  const reg = problem.regularization ?? {kind: "none", rate: 0};

  const X = tf.tensor2d(Float32Array.from(problem.inputs), [problem.n, din], "float32");
  const T = tf.tensor2d(Float32Array.from(problem.targets), [problem.n, dout], "float32");
  // Kernels are stored as PyTorch stores them, [out, in], and used with transposeB.
  // Variables survive tf.tidy; the initial-value tensors do not leak.
  const kernels = tf.tidy(() =>
    layers.map((ly, l) =>
      tf.variable(
        tf.tensor2d(Float32Array.from(initial.subarray(ly.w, ly.w + ly.in * ly.out)), [ly.out, ly.in]),
        trainable[l],
        undefined
      )
    )
  );
  const biases = tf.tidy(() =>
    layers.map((ly, l) =>
      tf.variable(tf.tensor1d(Float32Array.from(initial.subarray(ly.b, ly.b + ly.out))), trainable[l])
    )
  );
  const alive = tf.tidy(() => kernels.map((k) => tf.variable(tf.onesLike(k), false)));
  const varList = layers.flatMap((_, l) => (trainable[l] ? [kernels[l], biases[l]] : []));
  const opt =
    optimizer.kind === "adam"
      ? tf.train.adam(optimizer.lr, optimizer.beta1, optimizer.beta2, optimizer.eps)
      : tf.train.sgd(optimizer.lr);

  function predict(x: TF.Tensor2D): TF.Tensor2D {
    let h = x;
    for (let l = 0; l < L; ++l) {
      h = tf.add(tf.matMul(h, kernels[l], false, true), biases[l]);
      switch (spec.activations[l]) {
        case "relu":
          h = tf.relu(h);
          break;
        case "tanh":
          h = tf.tanh(h);
          break;
        case "sigmoid":
          h = tf.sigmoid(h);
          break;
      }
    }
    return h;
  }

  function lossOf(y: TF.Tensor2D, t: TF.Tensor2D): TF.Scalar {
    const sq = tf.square(tf.sub(y, t));
    return problem.loss === "mse" ? tf.mean(sq) : tf.mul(0.5, tf.mean(tf.sum(sq, 1)));
  }

  function step(batch: ArrayLike<number>, count: number): number {
    const loss = tf.tidy(() => {
      const idx = tf.tensor1d(
        Array.from({length: count}, (_, r) => batch[r]),
        "int32"
      );
      const xb = tf.gather(X, idx);
      const tb = tf.gather(T, idx);
      // The penalty's derivative is taken at the weights before the gradient update, as in the Playground.
      const before =
        reg.kind !== "none" && reg.rate > 0 ? kernels.map((k) => tf.mul(k, 1) as TF.Tensor2D) : [];
      const value = opt.minimize(() => lossOf(predict(xb), tb), true, varList) as TF.Scalar;
      if (reg.kind !== "none" && reg.rate > 0) {
        const c = optimizer.lr * reg.rate;
        for (let l = 0; l < L; ++l) {
          if (!trainable[l]) continue;
          const w: TF.Tensor2D = tf.mul(kernels[l], alive[l]);
          if (reg.kind === "l2") {
            kernels[l].assign(tf.sub(w, tf.mul(c, before[l])));
          } else {
            const moved: TF.Tensor2D = tf.sub(w, tf.mul(c, tf.sign(before[l])));
            const crossed = tf.less(tf.mul(w, moved), 0);
            alive[l].assign(tf.where(crossed, tf.zerosLike(w), alive[l]) as TF.Tensor2D);
            kernels[l].assign(tf.mul(moved, alive[l]));
          }
        }
      }
      return value;
    });
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  return {
    problem,
    step,
    getParams() {
      const out = new Float64Array(layers[L - 1].b + layers[L - 1].out);
      layers.forEach((ly, l) => {
        out.set(kernels[l].dataSync(), ly.w);
        out.set(biases[l].dataSync(), ly.b);
      });
      return out;
    },
    setParams(next) {
      tf.tidy(() =>
        layers.forEach((ly, l) => {
          kernels[l].assign(
            tf.tensor2d(Float32Array.from(next.subarray(ly.w, ly.w + ly.in * ly.out)), [ly.out, ly.in])
          );
          biases[l].assign(tf.tensor1d(Float32Array.from(next.subarray(ly.b, ly.b + ly.out))));
        })
      );
    },
    dispose() {
      opt.dispose();
      for (const t of [X, T, ...kernels, ...biases, ...alive]) t.dispose();
    }
  };
}
