package dev.unroll.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.NetPlan;
import javax.lang.model.element.Modifier;

/** The sizes and identity of the network as public constants. */
final class Constants {
  private Constants() {}

  static void add(TypeSpec.Builder type, NetPlan plan) {
    type.addField(constant(int.class, "INPUTS", plan.spec().inputs(), "Input features."));
    type.addField(constant(int.class, "OUTPUTS", plan.spec().outputs(), "Classes."));
    type.addField(constant(int.class, "MAX_BATCH", plan.spec().maxBatch(), "Largest batch."));
    type.addField(FieldSpec.builder(String.class, "SPEC",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", plan.spec().specName())
        .addJavadoc("The spec this class was generated from.\n").build());
    type.addField(FieldSpec.builder(String.class, "ARCHITECTURE",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", plan.spec().architecture())
        .addJavadoc("What a set of weights fits: sizes, activations, batch norm.\n").build());
    type.addField(FieldSpec.builder(String.class, "FINGERPRINT",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", plan.fingerprint())
        .addJavadoc("SHA-256 of {@link #ARCHITECTURE}.\n").build());
  }

  private static FieldSpec constant(Class<?> type, String name, int value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", value)
        .addJavadoc(doc + "\n")
        .build();
  }
}
