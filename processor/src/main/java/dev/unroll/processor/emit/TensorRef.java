package dev.unroll.processor.emit;

/**
 * A named tensor of the generated class as its tensor lists expose it.
 *
 * @param name the name after {@code layerK.}, such as {@code W} or {@code runningMean}
 * @param role the {@code Tensor.Role} constant
 * @param value the array
 * @param grad the gradient array, or null
 */
record TensorRef(String name, String role, String value, String grad) {}
