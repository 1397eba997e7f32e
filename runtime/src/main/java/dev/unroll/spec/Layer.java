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
 * A {@link LayerKind#CONV} layer convolves an image with {@link #filters()} filters of
 * {@link #size()} x {@link #size()} (then spatial batch norm and the activation); {@link
 * LayerKind#MAX_POOL} and {@link LayerKind#AVG_POOL} pool {@link #size()} x {@link #size()}
 * windows. Image layers come before the dense ones; the first dense layer after them reads the
 * image flattened in (channel, row, column) order.
 *
 * <p>Members that do not apply to the layer's kind are compile errors: {@code units} is for dense
 * layers, {@code filters} and {@code pad} for conv layers, {@code size} and {@code stride} for
 * conv and pooling layers; pooling layers take no activation, init or batch norm.
 *
 * <p>The activation constants are only valid for the activation that has them; giving one to
 * another activation is a compile error. Leaving one out takes the lecture's default.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Layers.class)
public @interface Layer {
  /** What the layer computes. */
  LayerKind kind() default LayerKind.DENSE;

  /**
   * Number of output units (for maxout: outputs after the max over pieces). Required for a dense
   * layer; not valid on image layers.
   */
  int units() default 0;

  /** {@link LayerKind#CONV} only, required: number of filters, the output channels. */
  int filters() default 0;

  /** Conv and pooling layers, required: the window is size x size pixels. */
  int size() default 0;

  /** Conv and pooling layers: step between windows; default 1 for conv, {@code size} for pools. */
  int stride() default 0;

  /** {@link LayerKind#CONV} only: zero rows and columns added on each side; default 0. */
  int pad() default 0;

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
