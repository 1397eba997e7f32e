package dev.unroll.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import dev.unroll.processor.plan.NetPlan;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import javax.lang.model.element.Element;

/**
 * The limits of the class file that remain once every method is split by layer: a constant pool
 * of at most 65,535 entries, and a string constant ({@code ARCHITECTURE}) of at most 65,535 bytes
 * of modified UTF-8. A spec beyond either is an error on the spec, with the numbers, instead of
 * javac's "too many constants" or "constant string too long" on the generated file.
 */
public final class ClassLimits {
  /** Entries and bytes a class file allows. */
  static final int MAX = 65_535;

  private ClassLimits() {}

  /** Reports {@code type}, generated for {@code plan}, on {@code where} if beyond a limit. */
  public static void check(NetPlan plan, TypeSpec type, Report report, Element where) {
    int layers = plan.layers().size();
    int architecture = plan.spec().architecture().getBytes(StandardCharsets.UTF_8).length;
    if (architecture > MAX) {
      report.add(Message.ARCHITECTURE_TOO_LONG, where, null, null, plan.spec().className(),
          architecture, layers, architecture / layers);
    }
    long entries = constantPoolEstimate(type, plan);
    if (entries > MAX) {
      report.add(Message.CLASS_TOO_LARGE, where, null, null, plan.spec().className(), entries,
          layers, entries / layers);
    }
  }

  /**
   * An estimate, high by a few percent, of the constant-pool entries of {@code type}: each field
   * and method costs a reference, a name-and-type and its name (3), each string constant 2 (the
   * tensor names, one per tensor), each task lambda about 8 (its bootstrap arguments), a layer's
   * numeric constants about 4; 500 for the types and methods every class uses. Measured against
   * javac's pools of the test specs and of batch-norm nets of 5 units (755 layers: 64,622 entries
   * for an estimate of 67,900; 1,200 layers without batch norm: 55,246 for 67,200).
   */
  static long constantPoolEstimate(TypeSpec type, NetPlan plan) {
    long fields = type.fieldSpecs().size();
    long methods = type.methodSpecs().size();
    long lambdas = type.fieldSpecs().stream()
        .map(FieldSpec::type)
        .filter(TypeName.get(IntConsumer.class)::equals)
        .count();
    // about six tensor names a layer (params, buffers, the activation), and the class's strings
    long strings = 6L * plan.layers().size() + 20;
    // a layer's own numeric constants (init scale, slopes, sizes above 32767): about 4 entries
    long numbers = 4L * plan.layers().size();
    return 500 + 3 * fields + 3 * methods + 2 * strings + 8 * lambdas + numbers;
  }
}
