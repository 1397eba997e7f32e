/**
 * The hyperparameter search's trials on Apache Spark: {@link dev.unroll.spark.SparkSearch} runs
 * each stage as one job of one task per trial, with only text on the wire, while the driver's
 * {@link dev.unroll.search.Search} keeps the stages, the results file and the report.
 */
package dev.unroll.spark;
