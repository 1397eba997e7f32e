package dev.unroll.benchmarks.dl4j;

import dev.unroll.benchmarks.Workload;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The convolutional workloads W5-W7 as a Deeplearning4j user writes them: {@code
 * ConvolutionLayer} (3x3, stride 1, padding 1, identity activation), {@code BatchNormalization},
 * an {@code ActivationLayer} (ReLU), {@code SubsamplingLayer} (max, 2x2, stride 2), dense layers
 * and a softmax output with cross-entropy; float32, NCHW, plain SGD, He initialization.
 *
 * <p>The shapes are those of {@code benchmarks/common/peer.py} (the Python peers), the single
 * description of W5-W7 until the generated networks have theirs.
 */
final class Dl4jConvNets {
  /** W5: 1x28x28 -> conv 16 -> pool -> conv 32 -> pool -> dense 10, batch 64. */
  static final Shape W5 = new Shape(1, 28, 28, new int[][] {{16}, {32}}, new int[0], 64);

  /** W6: 3x32x32 -> [conv 32, conv 32, pool] -> [conv 64, conv 64, pool] -> 256 -> 10. */
  static final Shape W6 =
      new Shape(3, 32, 32, new int[][] {{32, 32}, {64, 64}}, new int[] {256}, 64);

  /** W7: W5's network, one sample, evaluation mode. */
  static final Shape W7 = new Shape(1, 28, 28, W5.blocks, W5.dense, 1);

  /** Seeds of the weights and of the data. */
  private static final long WEIGHT_SEED = 42;

  private static final long DATA_SEED = 7;

  private static final double LEARNING_RATE = 0.01;

  private static final int CLASSES = 10;

  /** Batches a benchmark cycles through, as for the dense workloads. */
  static final int BATCHES = Workload.BATCHES;

  private Dl4jConvNets() {}

  /**
   * Input shape, blocks of conv layers each followed by a 2x2 max pool, hidden dense layers
   * (ReLU) before the 10-class output, batch.
   */
  record Shape(int channels, int height, int width, int[][] blocks, int[] dense, int batch) {}

  /** Whether a workload id as JMH passes it is one of these (else a dense one of Workload). */
  static boolean isConv(String workload) {
    return workload.equals("W5") || workload.equals("W6") || workload.equals("W7");
  }

  /** The shape of a workload id as JMH passes it. */
  static Shape of(String workload) {
    switch (workload) {
      case "W5":
        return W5;
      case "W6":
        return W6;
      case "W7":
        return W7;
      default:
        throw new IllegalArgumentException("convolutional workload W5, W6 or W7: " + workload);
    }
  }

  /** The initialized network. */
  static MultiLayerNetwork network(Shape s) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(WEIGHT_SEED)
            .dataType(DataType.FLOAT)
            .updater(new Sgd(LEARNING_RATE))
            .weightInit(WeightInit.RELU)
            .list();
    int channels = s.channels();
    for (int[] block : s.blocks()) {
      for (int filters : block) {
        list.layer(
            new ConvolutionLayer.Builder(3, 3)
                .stride(1, 1)
                .padding(1, 1)
                .nIn(channels)
                .nOut(filters)
                .activation(Activation.IDENTITY)
                .build());
        list.layer(new BatchNormalization.Builder().nOut(filters).build());
        list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        channels = filters;
      }
      list.layer(
          new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
              .kernelSize(2, 2)
              .stride(2, 2)
              .build());
    }
    for (int units : s.dense()) {
      list.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build());
    }
    list.layer(
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(CLASSES)
            .activation(Activation.SOFTMAX)
            .build());
    list.setInputType(InputType.convolutional(s.height(), s.width(), s.channels()));
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }

  /** {@link #BATCHES} batches of N(0, 1) images, NCHW, from a fixed seed. */
  static INDArray[] features(Shape s) {
    Nd4j.getRandom().setSeed(DATA_SEED);
    INDArray[] out = new INDArray[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      out[b] = Nd4j.randn(DataType.FLOAT, s.batch(), s.channels(), s.height(), s.width());
    }
    return out;
  }

  /**
   * One-hot labels: the argmax of the flattened image times a fixed random map, a task the
   * network can learn, so the timed steps are those of a real run.
   */
  static INDArray[] labels(Shape s, INDArray[] features) {
    long pixels = (long) s.channels() * s.height() * s.width();
    INDArray map = Nd4j.randn(DataType.FLOAT, pixels, CLASSES);
    INDArray[] out = new INDArray[features.length];
    for (int b = 0; b < features.length; b++) {
      INDArray scores = features[b].reshape(s.batch(), pixels).mmul(map);
      INDArray classes = scores.argMax(1);
      INDArray oneHot = Nd4j.zeros(DataType.FLOAT, s.batch(), CLASSES);
      for (int i = 0; i < s.batch(); i++) {
        oneHot.putScalar(i, classes.getInt(i), 1f);
      }
      out[b] = oneHot;
    }
    return out;
  }
}
