package dev.unroll.processor.plan;

import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.spec.Activation;

/**
 * How one conv or pooling layer is laid out. Every image array holds one row per sample, the
 * sample's values in (channel, row, column) order, so the first dense layer after the image
 * layers reads the last one's output as its input rows: flattening costs nothing.
 *
 * @param spec the layer
 * @param in the input rows ({@code input} for the first layer)
 * @param dIn gradient rows of the input, or null for the first layer (never needed)
 * @param product how a conv layer's product runs (null for pooling)
 */
public record ImageLayerPlan(ImageLayerSpec spec, String in, String dIn, ConvProduct product) {
  /** 1-based index among all layers; the suffix of every array name. */
  public int index() {
    return spec.index();
  }

  /** The layer's constants shared with dense layers: activation, init, batch norm. */
  public LayerSpec unit() {
    return spec.unit();
  }

  /** Whether the output is a separate array (an activation other than IDENTITY). */
  public boolean hasOwnActivation() {
    return spec.isConv() && unit().activation() != Activation.IDENTITY;
  }

  /** Whether the layer has spatial batch norm. */
  public boolean batchNorm() {
    return spec.isConv() && unit().batchNorm();
  }

  /** Channels the product computes: filters, times pieces for maxout. */
  public int cols() {
    return unit().cols();
  }

  /** Output positions per channel. */
  public int plane() {
    return spec.out().plane();
  }

  /** Values per sample of one input row of the product: {@code C x size x size}. */
  public int fanIn() {
    return unit().fanIn();
  }

  /** Name of array {@code base} of this layer, e.g. {@code w3}. */
  public String name(String base) {
    return base + index();
  }

  /** The product (after batch norm) rows; the output too without an activation. */
  public String z() {
    return spec.isConv() ? name("z") : name("h");
  }

  /** Gradient of {@link #z()}. */
  public String dz() {
    return spec.isConv() ? name("dz") : name("dh");
  }

  /** The output rows. */
  public String h() {
    return hasOwnActivation() || !spec.isConv() ? name("h") : z();
  }

  /** Gradient of {@link #h()}. */
  public String dh() {
    return hasOwnActivation() || !spec.isConv() ? name("dh") : dz();
  }
}
