package dev.unroll.runtime;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Precision;
import java.util.List;

/**
 * The one interface every generated network implements. Training loops, optimizers, the gradient
 * check, checkpoints and the babysitting tools are written once against it.
 *
 * <p>A step is {@link #forward}, then {@link #loss}, then {@link #backward}, then an update
 * ({@link #sgdStep} or an optimizer working on {@link #params()}). Inputs are row arrays, one row
 * of {@link #inputs()} values per sample; a batch is the first {@code n} rows, {@code 1 <= n <=
 * maxBatch()}. Every buffer and the tensor lists are allocated at construction; no method
 * allocates afterwards except {@link #copy()}.
 */
public interface Model {
  /** Fully qualified name of the spec this class was generated from. */
  String specName();

  /** Canonical text of the architecture: sizes, activations and constants, batch norm, loss. */
  String architecture();

  /** SHA-256 of {@link #architecture()} in hex; checkpoints carry it to refuse other networks. */
  String fingerprint();

  /** Number of input features per sample. */
  int inputs();

  /** Number of classes (units of the last layer). */
  int outputs();

  /** Largest batch accepted. */
  int maxBatch();

  /** Number of layers, the output layer included. */
  int layers();

  /** The nonlinearity of layer {@code layer} (1-based); the last is usually IDENTITY. */
  Activation activation(int layer);

  /** Number of output units of layer {@code layer} (1-based). */
  int units(int layer);

  /** Element type of the arrays. */
  Precision precision();

  /** Loss applied to the scores. */
  Loss loss();

  /**
   * The learned parameters with their gradients, in layer order. After writing their arrays
   * directly (an optimizer, a loader), call {@link #parametersChanged()}.
   */
  List<Tensor> params();

  /**
   * Non-learned state saved with the weights: batch-norm running means and variances. After
   * writing their arrays directly, call {@link #parametersChanged()}.
   */
  List<Tensor> buffers();

  /**
   * Says that the arrays of {@link #params()} or {@link #buffers()} were written from outside.
   * A network with batch norm evaluates with the normalization folded into its weights ({@code
   * W' = W gamma / sqrt(var + eps)}, {@code b' = beta - mean gamma / sqrt(var + eps)}), computed
   * once and reused until the parameters change; its own methods ({@link #sgdStep}, {@link
   * #copyFrom}, {@link #initialize}, a training-mode forward pass) and {@link #setTraining}
   * recompute it, writes through the arrays need this call. A no-op for other networks.
   */
  default void parametersChanged() {}

  /**
   * Each layer's output (after the activation) with the gradient of the loss with respect to it;
   * rows are samples, valid for the last batch's {@code n} rows. For monitoring.
   *
   * <p>This call brings the rows up to date: a network may run its step on other arrays (a
   * columnar network works on them transposed) and write these rows only when asked. Call it
   * after the pass to read, before the next {@code forward} (outputs) or {@code loss} (the
   * hidden layers' gradients); the returned tensors are the same objects on every call.
   */
  List<Tensor> activations();

  /**
   * Splits the products of large layers across {@code threads} threads (1: none). Results are
   * bit-identical to one thread: each output element is still computed by one thread.
   */
  void setThreads(int threads);

  /** Threads in use. */
  int threads();

  /**
   * Stops the worker threads {@link #setThreads} started, if any; the network still works, on one
   * thread, and {@code setThreads} may start new ones. Calling it again does nothing. A network
   * that is dropped without {@code close()} has its threads stopped once it is collected.
   */
  default void close() {}

  /** Training mode uses batch statistics in batch norm and updates its running averages. */
  void setTraining(boolean training);

  /** Whether batch norm uses batch statistics. */
  boolean isTraining();

  /** Strength of the L2 penalty 0.5 * l2 * sum(W^2) over the weight matrices (not biases). */
  void setL2(double l2);

  /** Current L2 strength. */
  double l2();

  /** Computes the scores of the first {@code n} rows of {@code x}. */
  void forward(float[][] x, int n);

  /** Computes the scores of the first {@code n} rows of {@code x}. */
  void forward(double[][] x, int n);

  /** Number of rows of the last forward pass. */
  int batchSize();

  /** Score of class {@code c} for sample {@code i} of the last forward pass. */
  double score(int i, int c);

  /** Index of the highest score of sample {@code i} of the last forward pass. */
  int predict(int i);

  /**
   * Mean data loss of the last forward pass plus the L2 term, and the gradient of it with respect
   * to the scores, kept for {@link #backward()}.
   *
   * @throws IllegalArgumentException when a label is outside {@code [0, outputs())}
   */
  double loss(int[] labels, int n);

  /** The data part of the last {@link #loss}. */
  double dataLoss();

  /** The L2 part of the last {@link #loss}. */
  double regLoss();

  /** Gradients of the last loss with respect to every parameter, written into their grads. */
  void backward();

  /** Plain gradient descent: {@code p -= lr * grad} for every parameter. */
  void sgdStep(double lr);

  /** Draws new weights from the seeded source; biases zero, gamma one, running stats reset. */
  void initialize(long seed);

  /** An independent network of the same class with equal parameters, buffers, mode and L2. */
  Model copy();

  /** Copies parameters, buffers, mode and L2 from a network of the same class. */
  void copyFrom(Model other);
}
