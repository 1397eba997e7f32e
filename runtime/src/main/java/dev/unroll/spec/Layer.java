package dev.unroll.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One layer of a {@link Network} spec, read in source order. A dense layer computes
 * {@code z = x W + b}, then (when {@link #batchNorm()}) batch normalization, then the activation.
 *
 * <p>The activation constants are only valid for the activation that has them; giving one to
 * another activation is a compile error. Leaving one out takes the lecture's default.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Layers.class)
public @interface Layer {
  /** What the layer computes. Only {@link LayerKind#DENSE} exists today. */
  LayerKind kind() default LayerKind.DENSE;

  /** Number of output units (for maxout: outputs after the max over pieces). */
  int units();

  /** The nonlinearity after the affine map (and batch norm). The last layer is usually IDENTITY. */
  Activation activation() default Activation.IDENTITY;

  /** How the weights start; biases always start at 0. */
  Init init() default Init.XAVIER;

  /**
   * Standard deviation for {@link Init#NORMAL} (the lecture's "large random" is 1.0, the
   * default). Not valid with other inits.
   */
  double scale() default Double.NaN;

  /** Batch normalization between the affine map and the activation; the layer then has no bias. */
  boolean batchNorm() default false;

  /** Negative-side slope of {@link Activation#LEAKY_RELU}; default 0.01. */
  double slope() default Double.NaN;

  /**
   * {@link Activation#ELU}: the negative saturation value, default 1.0. {@link Activation#PRELU}:
   * the starting value of the learned per-unit slope, default 0.25.
   */
  double alpha() default Double.NaN;

  /** Number of linear pieces of {@link Activation#MAXOUT}, at least 2; default 2. */
  int pieces() default 0;
}
