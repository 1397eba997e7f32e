package dev.unroll.processor.model;

import java.util.List;

/**
 * The image part of a network: the input's shape and the conv and pooling layers that come before
 * the dense ones, in source order. A dense network has none: {@link #NONE}.
 */
public record ImageFront(Shape input, List<ImageLayerSpec> layers) {
  /** No image input, no image layers. */
  public static final ImageFront NONE = new ImageFront(null, List.of());

  /** Whether the network has image layers. */
  public boolean any() {
    return !layers.isEmpty();
  }

  /** The shape the first dense layer reads flattened: the last image layer's output. */
  public Shape output() {
    return layers.isEmpty() ? input : layers.get(layers.size() - 1).out();
  }
}
