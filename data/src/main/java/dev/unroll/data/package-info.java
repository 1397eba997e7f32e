/**
 * Datasets as the generated networks take them: {@link dev.unroll.data.Dataset} (float rows and
 * integer labels), seeded shuffles and stratified splits ({@link dev.unroll.data.Splits}), and
 * mini-batches that reuse their buffers ({@link dev.unroll.data.BatchCursor}).
 *
 * <p>Subpackages: {@code load} reads CSV, MNIST IDX and CIFAR-10 files; {@code prep} fits the
 * lecture's preprocessing on the training split; {@code io} reads and writes safetensors files.
 */
package dev.unroll.data;
