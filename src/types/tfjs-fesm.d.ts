// The self-contained ES module build of tfjs has the API of the package itself.
declare module "@tensorflow/tfjs/dist/tf.fesm.min.js" {
  export * from "@tensorflow/tfjs";
}
