/**
 * File loaders that return a {@link dev.unroll.data.Dataset}: {@link
 * dev.unroll.data.load.CsvLoader} (numeric columns and a label column), {@link
 * dev.unroll.data.load.MnistLoader} over {@link dev.unroll.data.load.IdxFiles} (plain or gzipped),
 * and {@link dev.unroll.data.load.Cifar10Loader} (binary batches). Each rejects a bad file with a
 * {@link dev.unroll.data.DataFileException} that names the file and the problem; none returns
 * partial data.
 */
package dev.unroll.data.load;
