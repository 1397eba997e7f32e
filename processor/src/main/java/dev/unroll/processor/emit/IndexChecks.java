package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * Checks of the public index arguments of a generated class, in the manner of {@code
 * Objects.checkIndex} but saying which method and which bound: {@code score(i, c): c = 7 is out
 * of bounds for the 3 classes [0, 3)}.
 */
final class IndexChecks {
  private IndexChecks() {}

  /**
   * Throws {@code IndexOutOfBoundsException} unless {@code lo <= name < hi}; {@code hi} is
   * Java source (a constant or a field), {@code what} names the range for the message.
   */
  static CodeBlock check(String method, String name, String lo, String hi, String what) {
    return CodeBlock.builder()
        .beginControlFlow("if ($1L < $2L || $1L >= $3L)", name, lo, hi)
        .addStatement("throw new $T($S + $L + $S + $L + $S + $L + $S)",
            IndexOutOfBoundsException.class, method + ": " + name + " = ", name,
            " is out of bounds for " + what + " [", lo, ", ", hi, ")")
        .endControlFlow()
        .build();
  }

  /** {@code i}: a row of the last forward pass. */
  static CodeBlock row(String method) {
    return check(method, "i", "0", "n", "the rows of the last forward pass");
  }

  /** {@code c}: a class. */
  static CodeBlock classIndex(String method) {
    return check(method, "c", "0", "OUTPUTS", "the classes");
  }
}
