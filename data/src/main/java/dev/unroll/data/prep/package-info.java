/**
 * The lecture's data preprocessing, fitted on the training split only and applied unchanged to
 * the others: zero-centering per feature or per channel ({@link
 * dev.unroll.data.prep.MeanCentering}), standardization ({@link
 * dev.unroll.data.prep.Standardization}), PCA and whitening ({@link dev.unroll.data.prep.Pca}).
 * Make steps with {@link dev.unroll.data.prep.Steps}, fit them with {@link
 * dev.unroll.data.prep.Pipeline}, save and load the result with {@link
 * dev.unroll.data.prep.FittedPipeline}.
 */
package dev.unroll.data.prep;
