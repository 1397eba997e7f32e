package dev.unroll.processor.model;

import dev.unroll.spec.Backend;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Precision;
import java.util.List;

/**
 * A checked network spec: everything the planner and emitters need, nothing about where it was
 * written. Built only from a spec without errors.
 *
 * @param specName fully qualified name of the annotated type
 * @param packageName package of the spec and of the generated class
 * @param className simple name of the generated class
 * @param specIsInterface whether the generated class implements (true) or extends the spec
 * @param specIsPublic whether the generated class is public
 * @param backend PLAIN or VECTOR, the processor option already applied
 * @param image the input's image shape and the conv and pooling layers before {@code layers}
 *     ({@link ImageFront#NONE} for a dense network)
 * @param layers the dense layers, numbered after the image layers
 */
public record NetSpec(
    String specName,
    String packageName,
    String className,
    boolean specIsInterface,
    boolean specIsPublic,
    int inputs,
    Loss loss,
    Precision precision,
    int maxBatch,
    Backend backend,
    ImageFront image,
    List<LayerSpec> layers) {

  /** Number of classes: the last layer's units. */
  public int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  /**
   * Canonical text of the architecture: what a set of weights fits. Precision, batch size, init
   * and loss are left out, so a checkpoint loads into a float or double, training or inference
   * build of the same layers.
   */
  public String architecture() {
    StringBuilder sb = new StringBuilder("unroll/1 inputs=").append(inputs);
    for (ImageLayerSpec layer : image.layers()) {
      sb.append(" | ").append(layer.architecture());
    }
    for (LayerSpec layer : layers) {
      sb.append(" | ").append(layer.architecture());
    }
    return sb.toString();
  }
}
