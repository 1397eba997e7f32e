package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** The library types generated code names, in one place: written as {@code $T} everywhere. */
final class RuntimeTypes {
  private static final String RUNTIME = "dev.unroll.runtime";

  static final ClassName MODEL = ClassName.get(RUNTIME, "Model");
  static final ClassName OPS = ClassName.get(RUNTIME, "Ops");
  static final ClassName CHECKS = ClassName.get(RUNTIME, "Checks");
  static final ClassName INIT = ClassName.get(RUNTIME, "Init");
  static final ClassName RNG = ClassName.get(RUNTIME, "Rng");
  static final ClassName WORKERS = ClassName.get(RUNTIME, "Workers");
  static final ClassName TENSOR = ClassName.get(RUNTIME, "Tensor");
  static final ClassName ROLE = TENSOR.nestedClass("Role");
  /** {@code List<Tensor>}. */
  static final TypeName TENSORS = ParameterizedTypeName.get(ClassName.get(List.class), TENSOR);

  private RuntimeTypes() {}
}
