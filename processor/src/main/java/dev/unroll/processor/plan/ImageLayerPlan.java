package dev.unroll.processor.plan;

import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.spec.Activation;

/**
 * A conv or pooling layer. Every image array holds one row per sample, the sample's values in
 * (channel, row, column) order, so the first dense layer after the image layers reads the last
 * one's output as its input rows: flattening costs nothing.
 *
 * @param image the layer with its shapes
 * @param in the input rows ({@code input} for the first layer)
 * @param dIn gradient rows of the input, or null where nothing before has parameters
 * @param product how a conv layer's product runs (null for pooling)
 */
public record ImageLayerPlan(ImageLayerSpec image, String in, String dIn, ConvProduct product)
    implements LayerPlan {
  /** The constants shared with dense layers: index, activation, init, batch norm. */
  @Override
  public LayerSpec spec() {
    return image.unit();
  }

  /** Values per sample of the output: channels x height x width. */
  @Override
  public int units() {
    return image.out().size();
  }

  /** Whether the output is a separate array (an activation other than IDENTITY). */
  public boolean hasOwnActivation() {
    return image.isConv() && spec().activation() != Activation.IDENTITY;
  }

  /** Whether the layer has spatial batch norm. */
  public boolean batchNorm() {
    return image.isConv() && spec().batchNorm();
  }

  /** Channels the product computes: filters, times pieces for maxout. */
  public int cols() {
    return spec().cols();
  }

  /** Output positions per channel. */
  public int plane() {
    return image.out().plane();
  }

  /** Name of array {@code base} of this layer, e.g. {@code w3}. */
  public String name(String base) {
    return base + index();
  }

  /** The product (after batch norm) rows; the output too without an activation. */
  public String z() {
    return image.isConv() ? name("z") : name("h");
  }

  /** Gradient of {@link #z()}. */
  public String dz() {
    return image.isConv() ? name("dz") : name("dh");
  }

  @Override
  public String h() {
    return hasOwnActivation() || !image.isConv() ? name("h") : z();
  }

  @Override
  public String dh() {
    return hasOwnActivation() || !image.isConv() ? name("dh") : dz();
  }
}
