/** Safetensors checkpoints of weights, buffers, optimizer state and preprocessing statistics. */
package dev.unroll.train.checkpoint;
