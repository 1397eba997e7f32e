package dev.unroll.processor;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random specs for {@link RandomSpecsTest}: valid ones drawn over every activation, constant, init,
 * loss, precision, backend and spec form, and invalid ones with exactly one broken rule each. Every
 * annotation member stands on its own line, and the line that must carry the error is marked, so
 * the test knows where javac has to point.
 */
final class RandomSpecs {
  static final String PACKAGE = "r";
  /** A class of the package every invalid batch holds, for the name-clash defect. */
  static final String TAKEN = "Taken";

  /** One generated spec file. */
  record Spec(String name, String className, String source, String expectedId, int expectedLine,
      boolean isDouble, boolean isVector, boolean smooth) {
    boolean valid() {
      return expectedId == null;
    }
  }

  /** The ways a spec is broken, each with the id of the one error it must get. */
  enum Defect {
    UNITS_NOT_POSITIVE("UnrollNotPositive"),
    INPUTS_NOT_POSITIVE("UnrollNotPositive"),
    MAX_BATCH_NOT_POSITIVE("UnrollNotPositive"),
    SLOPE_OUT_OF_RANGE("UnrollBadConstant"),
    ELU_ALPHA_NOT_POSITIVE("UnrollBadConstant"),
    PRELU_ALPHA_NOT_FINITE("UnrollBadConstant"),
    SCALE_NOT_POSITIVE("UnrollBadConstant"),
    TOO_FEW_PIECES("UnrollTooFewPieces"),
    CONSTANT_NOT_USED("UnrollConstantNotUsed"),
    ONE_CLASS("UnrollTooFewClasses"),
    CLASS_NAME_INVALID("UnrollClassName"),
    CLASS_NAME_RESERVED("UnrollClassNameReserved"),
    NAME_CLASH("UnrollNameClash"),
    CONCRETE_CLASS("UnrollSpecKind"),
    GENERIC("UnrollGenericSpec"),
    NO_CONSTRUCTOR("UnrollNoConstructor"),
    ABSTRACT_METHOD("UnrollAbstractMethod"),
    MEMBER_CLASH("UnrollMemberClash"),
    TOO_LARGE("UnrollTooLarge"),
    NO_LAYERS("UnrollNoLayers");

    final String id;

    Defect(String id) {
      this.id = id;
    }
  }

  private static final String[] RESERVED = {"var", "yield", "record", "sealed", "permits",
      "non-sealed", "class", "int", "enum", "_", "true", "null", "const", "goto"};
  private static final String[] NOT_IDENTIFIERS = {"my-net", "3D", "a.b", "Net net", "x+y"};

  private final Random random;

  RandomSpecs(long seed) {
    this.random = new Random(seed);
  }

  /** An annotation member, written {@code name = value}; marked: the error belongs here. */
  private static final class Member {
    final String name;
    String value;
    boolean marked;

    Member(String name, String value) {
      this.name = name;
      this.value = value;
    }
  }

  /** What a spec is made of, before it is written out. */
  private static final class Draft {
    final List<Member> network = new ArrayList<>();
    final List<List<Member>> layers = new ArrayList<>();
    final List<String> members = new ArrayList<>();
    boolean networkMarked;
    boolean declarationMarked;
    boolean abstractClass;
    boolean concrete;
    boolean extendsModel;
    String typeParameters = "";
    int markedMember = -1;

    Member network(String name) {
      return find(network, name);
    }

    static Member find(List<Member> members, String name) {
      for (Member m : members) {
        if (m.name.equals(name)) {
          return m;
        }
      }
      return null;
    }

    static void set(List<Member> members, String name, String value) {
      Member m = find(members, name);
      if (m == null) {
        members.add(m = new Member(name, value));
      }
      m.value = value;
    }
  }

  /** Spec number {@code i}: valid when {@code defect} is null, else broken that one way. */
  Spec next(int i, Defect defect) {
    Draft d = valid();
    if (random.nextInt(4) == 0) {
      d.network.add(new Member("className", quote("Named" + i)));
    }
    if (defect != null) {
      breakIt(d, defect);
    }
    String name = "S" + i;
    Member className = d.network("className");
    String generated = className != null ? className.value.replace("\"", "") : name + "Net";
    return write(d, name, generated, defect);
  }

  private Draft valid() {
    Draft d = new Draft();
    d.network.add(new Member("inputs", String.valueOf(1 + random.nextInt(8))));
    if (random.nextInt(4) > 0) {
      d.network.add(new Member("maxBatch", String.valueOf(1 + random.nextInt(24))));
    }
    if (random.nextBoolean()) {
      d.network.add(new Member("loss", random.nextBoolean() ? "Loss.SVM" : "Loss.SOFTMAX"));
    }
    d.network.add(new Member("precision",
        random.nextInt(4) > 0 ? "Precision.DOUBLE" : "Precision.FLOAT"));
    int backend = random.nextInt(6);
    if (backend < 2) {
      d.network.add(new Member("backend", backend == 0 ? "Backend.VECTOR" : "Backend.PLAIN"));
    }
    d.abstractClass = random.nextInt(3) == 0;
    d.extendsModel = !d.abstractClass && random.nextInt(4) == 0;
    int layers = 1 + random.nextInt(4);
    for (int k = 0; k < layers; k++) {
      d.layers.add(layer(k == layers - 1));
    }
    if (random.nextInt(3) == 0) {
      d.members.add(d.abstractClass ? "String describe() { return \"spec\"; }"
          : "default String describe() { return \"spec\"; }");
    }
    if (random.nextInt(4) == 0) {
      d.members.add((d.abstractClass ? "static " : "") + "int WIDTH = 3;");
    }
    return d;
  }

  private List<Member> layer(boolean last) {
    List<Member> l = new ArrayList<>();
    l.add(new Member("units", String.valueOf(last ? 2 + random.nextInt(6) : 1 + random.nextInt(12))));
    Activation act = last && random.nextBoolean() ? Activation.IDENTITY
        : Activation.values()[random.nextInt(Activation.values().length)];
    if (act != Activation.IDENTITY || random.nextBoolean()) {
      l.add(new Member("activation", "Activation." + act));
    }
    switch (act) {
      case LEAKY_RELU -> optional(l, "slope", String.valueOf(random.nextInt(50) / 100.0));
      case ELU -> optional(l, "alpha", String.valueOf(0.1 + random.nextInt(20) / 10.0));
      case PRELU -> optional(l, "alpha", String.valueOf(random.nextInt(11) / 20.0 - 0.25));
      case MAXOUT -> optional(l, "pieces", String.valueOf(2 + random.nextInt(2)));
      default -> { }
    }
    if (random.nextBoolean()) {
      // ZERO init is valid (a warning), but its symmetric weights teach a gradient check little
      Init init = Init.values()[1 + random.nextInt(Init.values().length - 1)];
      l.add(new Member("init", "Init." + init));
      if (init == Init.NORMAL) {
        optional(l, "scale", String.valueOf(0.1 + random.nextInt(10) / 10.0));
      }
    }
    if (random.nextInt(3) == 0) {
      l.add(new Member("batchNorm", "true"));
    }
    return l;
  }

  private void optional(List<Member> members, String name, String value) {
    if (random.nextBoolean()) {
      members.add(new Member(name, value));
    }
  }

  private List<Member> anyLayer(Draft d) {
    return d.layers.get(random.nextInt(d.layers.size()));
  }

  /** Sets {@code layer}'s activation, dropping the constants of the one it had. */
  private static void activation(List<Member> layer, Activation act) {
    layer.removeIf(m -> m.name.equals("slope") || m.name.equals("alpha")
        || m.name.equals("pieces"));
    Draft.set(layer, "activation", "Activation." + act);
  }

  private static Member mark(List<Member> members, String name, String value) {
    Draft.set(members, name, value);
    Member m = Draft.find(members, name);
    m.marked = true;
    return m;
  }

  private void breakIt(Draft d, Defect defect) {
    switch (defect) {
      case UNITS_NOT_POSITIVE -> mark(anyLayer(d), "units", String.valueOf(-random.nextInt(4)));
      case INPUTS_NOT_POSITIVE -> mark(d.network, "inputs", String.valueOf(-random.nextInt(4)));
      case MAX_BATCH_NOT_POSITIVE ->
          mark(d.network, "maxBatch", String.valueOf(-random.nextInt(4)));
      case SLOPE_OUT_OF_RANGE -> {
        List<Member> l = anyLayer(d);
        activation(l, Activation.LEAKY_RELU);
        mark(l, "slope", random.nextBoolean() ? "1.5" : "-0.1");
      }
      case ELU_ALPHA_NOT_POSITIVE -> {
        List<Member> l = anyLayer(d);
        activation(l, Activation.ELU);
        mark(l, "alpha", random.nextBoolean() ? "0" : "-1.0");
      }
      case PRELU_ALPHA_NOT_FINITE -> {
        List<Member> l = anyLayer(d);
        activation(l, Activation.PRELU);
        mark(l, "alpha", random.nextBoolean() ? "Double.NaN" : "1.0 / 0.0");
      }
      case SCALE_NOT_POSITIVE -> {
        List<Member> l = anyLayer(d);
        Draft.set(l, "init", "Init.NORMAL");
        mark(l, "scale", random.nextBoolean() ? "0" : "-2.5");
      }
      case TOO_FEW_PIECES -> {
        List<Member> l = anyLayer(d);
        activation(l, Activation.MAXOUT);
        mark(l, "pieces", String.valueOf(1 - random.nextInt(3)));
      }
      case CONSTANT_NOT_USED -> {
        List<Member> l = anyLayer(d);
        activation(l, random.nextBoolean() ? Activation.RELU : Activation.TANH);
        if (random.nextBoolean()) {
          mark(l, "slope", "0.1");
        } else {
          l.removeIf(m -> m.name.equals("scale"));
          Draft.set(l, "init", "Init.HE");
          mark(l, "scale", "0.5");
        }
      }
      case ONE_CLASS -> mark(d.layers.get(d.layers.size() - 1), "units", "1");
      case CLASS_NAME_INVALID -> mark(d.network, "className",
          quote(NOT_IDENTIFIERS[random.nextInt(NOT_IDENTIFIERS.length)]));
      case CLASS_NAME_RESERVED ->
          mark(d.network, "className", quote(RESERVED[random.nextInt(RESERVED.length)]));
      case NAME_CLASH -> mark(d.network, "className", quote(TAKEN));
      case CONCRETE_CLASS -> {
        d.concrete = true;
        d.abstractClass = false;
        d.extendsModel = false;
        d.members.clear();
        d.networkMarked = true;
      }
      case GENERIC -> {
        d.typeParameters = "<T>";
        d.declarationMarked = true;
      }
      case NO_CONSTRUCTOR -> {
        d.abstractClass = true;
        d.extendsModel = false;
        d.members.replaceAll(m -> m.replace("default ", ""));
        d.members.replaceAll(m -> m.startsWith("int WIDTH") ? "static " + m : m);
        d.members.add("%s(int width) {}");
        d.declarationMarked = true;
      }
      case ABSTRACT_METHOD -> {
        d.markedMember = d.members.size();
        d.members.add(d.abstractClass ? "abstract int size();" : "int size();");
      }
      case MEMBER_CLASH -> {
        d.markedMember = d.members.size();
        String[] choices = d.abstractClass
            ? new String[] {"public final void sgdStep(double lr) {}",
                "public int predict(int i) { return 0; }",
                "public String toString() { return \"spec\"; }",
                "public static int layers() { return 0; }"}
            : d.extendsModel ? new String[] {"default void backward() {}",
                "default int threads() { return 1; }"}
            : new String[] {"default int forward(float[][] x, int n) { return 0; }",
                "default String predict(int i) { return \"\"; }",
                "default void parametersChanged() {}"};
        d.members.add(choices[random.nextInt(choices.length)]);
      }
      case TOO_LARGE -> {
        if (random.nextBoolean()) {
          mark(anyLayer(d), "units", "2_000_000_000");
        } else {
          mark(d.network, "maxBatch", "Integer.MAX_VALUE");
        }
      }
      case NO_LAYERS -> {
        d.layers.clear();
        d.networkMarked = true;
      }
      default -> throw new AssertionError(defect);
    }
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private Spec write(Draft d, String name, String className, Defect defect) {
    List<String> lines = new ArrayList<>();
    int[] marked = {-1};
    lines.add("package " + PACKAGE + ";");
    lines.add("import dev.unroll.spec.*;");
    annotation(lines, "Network", d.network, d.networkMarked, marked);
    for (List<Member> layer : d.layers) {
      annotation(lines, "Layer", layer, false, marked);
    }
    String declaration = d.concrete ? "class " + name
        : d.abstractClass ? "abstract class " + name
        : "interface " + name;
    declaration += d.typeParameters;
    if (d.extendsModel) {
      declaration += " extends dev.unroll.runtime.Model";
    }
    if (d.declarationMarked) {
      marked[0] = lines.size() + 1;
    }
    lines.add(declaration + " {");
    for (int m = 0; m < d.members.size(); m++) {
      if (m == d.markedMember) {
        marked[0] = lines.size() + 1;
      }
      lines.add("  " + String.format(d.members.get(m), name));
    }
    lines.add("}");
    boolean isDouble = Draft.find(d.network, "precision").value.endsWith("DOUBLE");
    Member backend = d.network("backend");
    boolean smooth = !"Loss.SVM".equals(d.network("loss") == null ? null : d.network("loss").value)
        && d.layers.stream().allMatch(RandomSpecs::smooth);
    return new Spec(name, className, String.join("\n", lines) + "\n",
        defect == null ? null : defect.id, marked[0], isDouble,
        backend != null && backend.value.endsWith("VECTOR"), smooth);
  }

  /** No kink: identity, sigmoid, tanh, and ELU with alpha 1 (its slope is continuous then). */
  private static boolean smooth(List<Member> layer) {
    Member act = Draft.find(layer, "activation");
    String a = act == null ? "Activation.IDENTITY" : act.value;
    Member alpha = Draft.find(layer, "alpha");
    return a.equals("Activation.IDENTITY") || a.equals("Activation.SIGMOID")
        || a.equals("Activation.TANH")
        || (a.equals("Activation.ELU") && (alpha == null || alpha.value.equals("1.0")));
  }

  private static void annotation(List<String> lines, String name, List<Member> members,
      boolean markAnnotation, int[] marked) {
    if (markAnnotation) {
      marked[0] = lines.size() + 1;
    }
    lines.add("@" + name + "(");
    for (int m = 0; m < members.size(); m++) {
      Member member = members.get(m);
      if (member.marked) {
        marked[0] = lines.size() + 1;
      }
      lines.add("    " + member.name + " = " + member.value
          + (m == members.size() - 1 ? ")" : ","));
    }
    if (members.isEmpty()) {
      lines.set(lines.size() - 1, "@" + name + "()");
    }
  }
}
