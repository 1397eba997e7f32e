package dev.unroll.benchmarks.dl4j;

import dev.unroll.benchmarks.Workload;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The workloads as a Deeplearning4j user would write them: float32, plain SGD, softmax with
 * cross-entropy; with batch norm, a dense layer with identity activation, a
 * {@code BatchNormalization} layer and an {@code ActivationLayer}.
 */
final class Dl4jNets {
  private Dl4jNets() {}

  /** The initialized network of {@code w}. */
  static MultiLayerNetwork network(Workload w) {
    NeuralNetConfiguration.Builder base =
        new NeuralNetConfiguration.Builder()
            .seed(Workload.WEIGHT_SEED)
            .dataType(DataType.FLOAT)
            .updater(new Sgd(Workload.LEARNING_RATE));
    if (w == Workload.W1) {
      base.weightInit(new NormalDistribution(0, 0.01));
    } else {
      base.weightInit(WeightInit.XAVIER);
    }
    NeuralNetConfiguration.ListBuilder list = base.list();
    int[] hidden = w.hidden();
    Workload.Act[] acts = w.acts();
    int fanIn = w.inputs();
    for (int l = 0; l < hidden.length; l++) {
      Activation act = acts[l] == Workload.Act.RELU ? Activation.RELU : Activation.ELU;
      if (w.batchNorm()) {
        list.layer(
            new DenseLayer.Builder()
                .nIn(fanIn)
                .nOut(hidden[l])
                .activation(Activation.IDENTITY)
                .hasBias(false)
                .build());
        list.layer(new BatchNormalization.Builder().nOut(hidden[l]).build());
        list.layer(new ActivationLayer.Builder().activation(act).build());
      } else {
        list.layer(new DenseLayer.Builder().nIn(fanIn).nOut(hidden[l]).activation(act).build());
      }
      fanIn = hidden[l];
    }
    list.layer(
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(fanIn)
            .nOut(w.classes())
            .activation(Activation.SOFTMAX)
            .build());
    list.setInputType(InputType.feedForward(w.inputs()));
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }

  /** The workload's input batches as float matrices. */
  static INDArray[] features(Workload w) {
    float[][][] batches = w.inputBatches();
    INDArray[] out = new INDArray[batches.length];
    for (int b = 0; b < batches.length; b++) {
      out[b] = Nd4j.create(batches[b]).castTo(DataType.FLOAT);
    }
    return out;
  }

  /** The workload's labels, one-hot. */
  static INDArray[] labels(Workload w) {
    int[][] batches = w.labelBatches();
    INDArray[] out = new INDArray[batches.length];
    for (int b = 0; b < batches.length; b++) {
      float[][] oneHot = new float[batches[b].length][w.classes()];
      for (int i = 0; i < batches[b].length; i++) {
        oneHot[i][batches[b][i]] = 1f;
      }
      out[b] = Nd4j.create(oneHot).castTo(DataType.FLOAT);
    }
    return out;
  }
}
