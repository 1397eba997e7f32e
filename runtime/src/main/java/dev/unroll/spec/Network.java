package dev.unroll.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface or abstract class as a network spec. The Unroll processor generates a class
 * named {@code <Spec>Net} in the same package (for a nested spec, the enclosing names joined by
 * {@code _}: {@code Outer_InnerNet}), unless {@link #className()} names another. The layers are the
 * {@link Layer} annotations on the same type, in source order; the last one produces the class
 * scores.
 *
 * <p>Everything here shapes the generated code and is baked into it. Everything a user tunes
 * (learning rate, L2 strength, batch size up to {@link #maxBatch()}, seed) is a run-time value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /** Number of input features per sample (for an image, channels x height x width). */
  int inputs();

  /**
   * The input as an image, {@code {channels, height, width}} (e.g. {@code {1, 28, 28}}); a row of
   * input is read in that order (all of channel 0 row by row, then channel 1, ...). Required for
   * conv and pooling layers; empty for a dense network.
   */
  int[] shape() default {};

  /** The data loss applied to the last layer's scores. */
  Loss loss() default Loss.SOFTMAX;

  /** Element type of every array of the generated class. */
  Precision precision() default Precision.FLOAT;

  /** The largest batch the generated class accepts; its buffers are allocated for it once. */
  int maxBatch() default 256;

  /** Kernels for the large products; see {@link Backend}. */
  Backend backend() default Backend.DEFAULT;

  /** Simple name of the generated class; empty means {@code <Spec>Net}. */
  String className() default "";
}
