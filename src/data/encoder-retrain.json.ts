// Exercise 1 (g): fresh encoders retrained under the frozen decoders of the published big autoencoders.
import {encoderRetrain} from "./lib/experiments.js";

process.stdout.write(JSON.stringify(await encoderRetrain()));
