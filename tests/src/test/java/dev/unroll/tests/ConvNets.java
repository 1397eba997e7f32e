package dev.unroll.tests;

import dev.unroll.runtime.Model;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The generated conv gradient-check networks, by spec name. */
final class ConvNets {
  private ConvNets() {}

  static Stream<Arguments> all() {
    return Stream.of(
        Arguments.of("ConvIdentity", (LongFunction<Model>) ConvGradSpecs_ConvIdentityNet::new),
        Arguments.of("ConvIdentityBn", (LongFunction<Model>) ConvGradSpecs_ConvIdentityBnNet::new),
        Arguments.of("ConvSigmoid", (LongFunction<Model>) ConvGradSpecs_ConvSigmoidNet::new),
        Arguments.of("ConvSigmoidBn", (LongFunction<Model>) ConvGradSpecs_ConvSigmoidBnNet::new),
        Arguments.of("ConvTanh", (LongFunction<Model>) ConvGradSpecs_ConvTanhNet::new),
        Arguments.of("ConvTanhBn", (LongFunction<Model>) ConvGradSpecs_ConvTanhBnNet::new),
        Arguments.of("ConvRelu", (LongFunction<Model>) ConvGradSpecs_ConvReluNet::new),
        Arguments.of("ConvReluBn", (LongFunction<Model>) ConvGradSpecs_ConvReluBnNet::new),
        Arguments.of("ConvLeakyRelu", (LongFunction<Model>) ConvGradSpecs_ConvLeakyReluNet::new),
        Arguments.of("ConvLeakyReluBn", (LongFunction<Model>) ConvGradSpecs_ConvLeakyReluBnNet::new),
        Arguments.of("ConvPrelu", (LongFunction<Model>) ConvGradSpecs_ConvPreluNet::new),
        Arguments.of("ConvPreluBn", (LongFunction<Model>) ConvGradSpecs_ConvPreluBnNet::new),
        Arguments.of("ConvElu", (LongFunction<Model>) ConvGradSpecs_ConvEluNet::new),
        Arguments.of("ConvEluBn", (LongFunction<Model>) ConvGradSpecs_ConvEluBnNet::new),
        Arguments.of("ConvMaxout", (LongFunction<Model>) ConvGradSpecs_ConvMaxoutNet::new),
        Arguments.of("ConvMaxoutBn", (LongFunction<Model>) ConvGradSpecs_ConvMaxoutBnNet::new),
        Arguments.of("Stride2Pad0", (LongFunction<Model>) ConvGradSpecs_Stride2Pad0Net::new),
        Arguments.of("Kernel1", (LongFunction<Model>) ConvGradSpecs_Kernel1Net::new),
        Arguments.of("Kernel5Pad2", (LongFunction<Model>) ConvGradSpecs_Kernel5Pad2Net::new),
        Arguments.of("Stride2Pad1Bn", (LongFunction<Model>) ConvGradSpecs_Stride2Pad1BnNet::new),
        Arguments.of("AvgPool", (LongFunction<Model>) ConvGradSpecs_AvgPoolNet::new),
        Arguments.of("ConvPoolConvDenseSoftmax", (LongFunction<Model>) ConvGradSpecs_ConvPoolConvDenseSoftmaxNet::new),
        Arguments.of("ConvPoolConvDenseSvm", (LongFunction<Model>) ConvGradSpecs_ConvPoolConvDenseSvmNet::new),
        Arguments.of("PoolFirst", (LongFunction<Model>) ConvGradSpecs_PoolFirstNet::new),
        Arguments.of("VectorConvNet", (LongFunction<Model>) ConvGradSpecs_VectorConvNetNet::new),
        Arguments.of("VectorConvConv", (LongFunction<Model>) ConvGradSpecs_VectorConvConvNet::new),
        Arguments.of("VectorConvPoolConv",
            (LongFunction<Model>) ConvGradSpecs_VectorConvPoolConvNet::new),
        Arguments.of("Stride2Behind", (LongFunction<Model>) ConvGradSpecs_Stride2BehindNet::new),
        Arguments.of("Kernel5Stride2", (LongFunction<Model>) ConvGradSpecs_Kernel5Stride2Net::new),
        Arguments.of("Kernel5Pad0", (LongFunction<Model>) ConvGradSpecs_Kernel5Pad0Net::new),
        Arguments.of("Kernel1Pad1", (LongFunction<Model>) ConvGradSpecs_Kernel1Pad1Net::new));
  }
}
