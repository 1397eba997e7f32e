/** The lecture's sanity checks before training, each returning a verdict with advice. */
package dev.unroll.train.check;
