/**
 * SGD, momentum, Nesterov momentum, RMSProp and Adam, each a loop over a parameter's row arrays
 * in its own precision, with state allocated once.
 */
package dev.unroll.train.optim;
