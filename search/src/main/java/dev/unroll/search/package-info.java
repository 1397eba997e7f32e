/**
 * Hyperparameter search written once against {@link dev.unroll.runtime.Model}, after the
 * lecture: a {@link dev.unroll.search.SearchSpace} of uniform, log-uniform, integer and choice
 * parameters; random search (default) or grid search; coarse-to-fine {@link
 * dev.unroll.search.Stage}s; trials in parallel, each on its own network, trained by the train
 * module's {@link dev.unroll.train.Trainer} with its divergence guard; every finished trial in a
 * results file; a ranked table with edge warnings. The report is in {@code report}, the file in
 * {@code io}.
 */
package dev.unroll.search;
