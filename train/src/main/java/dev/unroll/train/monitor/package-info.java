/**
 * What to watch while training: update ratios, activation and gradient statistics, dead and
 * saturated units per layer, losses and accuracies per epoch.
 */
package dev.unroll.train.monitor;
