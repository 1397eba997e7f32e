package dev.unroll.processor.plan;

import dev.unroll.processor.model.LayerSpec;

/**
 * One planned layer, whatever its kind: what the network step and the class-wide code (tensor
 * lists, {@code sgdStep}, {@code copyFrom}, the loss's L2 term) need to know of it. Each kind is a
 * record of small typed parts (a dense layer: {@link DensePlan}); a new kind adds its record here
 * and its emitter in {@code emit/} (see docs/ARCHITECTURE.md, "Where a new layer kind plugs in").
 */
public sealed interface LayerPlan permits DensePlan, ImageLayerPlan {
  /** The checked spec of the layer. */
  LayerSpec spec();

  /** The rows the layer reads: the previous layer's {@link #h()}, or {@code input}. */
  String in();

  /**
   * The gradient rows of the input, or null for the first layer: the network's input needs no
   * gradient, so that product is never computed.
   */
  String dIn();

  /** The output rows, one per sample, {@link #units()} wide. */
  String h();

  /** The gradient of {@link #h()}, written by the next layer (or the loss). */
  String dh();

  /** 1-based index. */
  default int index() {
    return spec().index();
  }

  /** Width of the output. */
  default int units() {
    return spec().units();
  }

  /** Width of the input. */
  default int fanIn() {
    return spec().fanIn();
  }
}
