package quickstart;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * 4 features -> 16 ReLU units -> 3 class scores; javac generates IrisNet from it. The scores start
 * small (0.01 N(0, 1) weights), so the first loss is ln(3), as the sanity check expects.
 */
@Network(inputs = 4, loss = Loss.SOFTMAX, maxBatch = 64)
@Layer(units = 16, activation = Activation.RELU, init = Init.HE)
@Layer(units = 3, init = Init.SMALL_RANDOM)
public interface Iris {}
