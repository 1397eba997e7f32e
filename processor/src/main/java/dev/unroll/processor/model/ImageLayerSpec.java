package dev.unroll.processor.model;

import dev.unroll.spec.LayerKind;

/**
 * A conv or pooling layer with its shapes resolved. {@code unit} holds what it shares with a
 * dense layer: the index, the kind, the activation with its constants, the init and batch norm;
 * for a conv layer its {@code fanIn} is {@code C x size x size} (what the inits scale by) and its
 * {@code units} the number of filters; a pooling layer has the input's channels as units and no
 * activation.
 */
public record ImageLayerSpec(LayerSpec unit, Shape in, Shape out, Window window) {
  /** 1-based position among all layers. */
  public int index() {
    return unit.index();
  }

  /** CONV, MAX_POOL or AVG_POOL. */
  public LayerKind kind() {
    return unit.kind();
  }

  /** Whether this is a conv layer (with weights). */
  public boolean isConv() {
    return unit.kind() == LayerKind.CONV;
  }

  /** Canonical text of what shapes the weights, for the fingerprint. */
  public String architecture() {
    String w = " size=" + window.size() + " stride=" + window.stride() + " pad=" + window.pad()
        + " in=" + in;
    return isConv() ? unit.architecture().replace("conv units=", "conv filters=") + w
        : unit.kind().name().toLowerCase(java.util.Locale.ROOT) + w;
  }

  /** Multiply-adds of one sample's forward pass: every output value of the product (before a
   * maxout's max) takes {@code C x size x size}; pooling does none. */
  public long macs() {
    return isConv() ? (long) out.plane() * unit.cols() * unit.fanIn() : 0;
  }
}
