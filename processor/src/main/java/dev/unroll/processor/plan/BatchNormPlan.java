package dev.unroll.processor.plan;

/**
 * Batch normalization between a layer's product and its activation, in place on {@code z}.
 *
 * @param gamma scale, one per column
 * @param beta shift, one per column
 * @param dgamma gradient of {@code gamma}
 * @param dbeta gradient of {@code beta}
 * @param runningMean running mean (momentum 0.9)
 * @param runningVar running biased variance
 * @param xhat the normalized pre-activations, kept for backward
 * @param batchMean the mean the last forward pass used
 * @param invStd {@code 1 / sqrt(var + eps)} of the last forward pass
 * @param wf batch norm folded into the weights for evaluation, {@code W[m][j] gamma_j /
 *     sqrt(var_j + eps)}
 * @param bf the folded bias, {@code beta_j - mean_j gamma_j / sqrt(var_j + eps)}
 * @param noBias a zero bias row: the product's bias in training (beta replaces it), so both modes
 *     run one product code
 */
public record BatchNormPlan(String gamma, String beta, String dgamma, String dbeta,
    String runningMean, String runningVar, String xhat, String batchMean, String invStd,
    String wf, String bf, String noBias) {}
