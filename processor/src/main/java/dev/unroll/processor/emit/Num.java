package dev.unroll.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.unroll.spec.Precision;

/** The element type of a generated class and how to write its literals and casts. */
final class Num {
  private final boolean isFloat;

  Num(Precision precision) {
    this.isFloat = precision == Precision.FLOAT;
  }

  /** {@code float} or {@code double}. */
  String t() {
    return isFloat ? "float" : "double";
  }

  TypeName type() {
    return isFloat ? TypeName.FLOAT : TypeName.DOUBLE;
  }

  /** {@code float[]}. */
  ArrayTypeName row() {
    return ArrayTypeName.of(type());
  }

  /** {@code float[][]}. */
  ArrayTypeName rows() {
    return ArrayTypeName.of(row());
  }

  /** A literal of the element type, exact to its precision (e.g. {@code 0.01f}). */
  String lit(double v) {
    return isFloat ? Float.toString((float) v) + "f" : Double.toString(v);
  }

  /** {@code expr} converted from double to the element type. */
  String fromDouble(String expr) {
    return isFloat ? "(float) " + expr : expr;
  }

  /** {@code expr} converted from double to the element type. */
  CodeBlock fromDouble(CodeBlock expr) {
    return isFloat ? CodeBlock.of("(float) $L", expr) : expr;
  }

  boolean isFloat() {
    return isFloat;
  }

  /** The Vector API kernels of this element type: {@code FloatKernels} or {@code DoubleKernels}. */
  ClassName kernels() {
    return ClassName.get("dev.unroll.vector", isFloat ? "FloatKernels" : "DoubleKernels");
  }
}
