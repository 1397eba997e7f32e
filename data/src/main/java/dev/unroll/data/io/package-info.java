/**
 * The safetensors file format: {@link dev.unroll.data.io.Safetensors} reads and writes {@link
 * dev.unroll.data.io.TensorFile}s of {@link dev.unroll.data.io.NamedArray}s, for preprocessing
 * statistics and model checkpoints alike.
 */
package dev.unroll.data.io;
