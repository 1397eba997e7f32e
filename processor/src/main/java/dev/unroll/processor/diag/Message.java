package dev.unroll.processor.diag;

import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.NOTE;
import static javax.tools.Diagnostic.Kind.WARNING;

import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor prints, with its severity, a stable id in brackets (as AutoValue
 * does) and a text that says what is wrong and how to fix it. Arguments are filled by
 * {@link #format}; {@link Report#add} files one with its severity.
 */
public enum Message {
  NOT_ABSTRACT(ERROR, "UnrollSpecKind",
      "@Network must be on an interface or an abstract class, not on %s %s; declare it as"
          + " `interface %s {}`"),
  GENERIC_SPEC(ERROR, "UnrollGenericSpec",
      "spec %s has type parameters; a network spec cannot be generic, remove <%s>"),
  PRIVATE_SPEC(ERROR, "UnrollPrivateSpec",
      "spec %s is private; the generated class in the same package must see it, make it"
          + " package-private or public"),
  INNER_SPEC(ERROR, "UnrollInnerSpec",
      "spec %s is an inner class; declare it static so the generated class can extend it"),
  NO_CONSTRUCTOR(ERROR, "UnrollNoConstructor",
      "abstract class %s needs a non-private constructor without parameters for the generated"
          + " class to call"),
  ABSTRACT_METHOD(ERROR, "UnrollAbstractMethod",
      "spec %s declares abstract method %s, which Unroll cannot implement; remove it or give it"
          + " a body (a spec may only extend dev.unroll.runtime.Model)"),
  NO_LAYERS(ERROR, "UnrollNoLayers",
      "@Network %s has no @Layer; add at least one, e.g. @Layer(units = 10) for the scores"),
  LAYER_WITHOUT_NETWORK(ERROR, "UnrollLayerWithoutNetwork",
      "@Layer on %s without @Network; add @Network(inputs = ...) to make it a spec"),
  NOT_POSITIVE(ERROR, "UnrollNotPositive",
      "%s must be positive, was %d; %s"),
  TOO_FEW_CLASSES(ERROR, "UnrollTooFewClasses",
      "the last @Layer gives the class scores and has %d unit; a %s classifier needs at least 2"),
  TOO_FEW_PIECES(ERROR, "UnrollTooFewPieces",
      "maxout needs at least 2 pieces, was %d; use pieces = 2 (the default) or more"),
  CONSTANT_NOT_USED(ERROR, "UnrollConstantNotUsed",
      "%s applies only to %s, but this layer is %s; remove %s or change the %s"),
  BAD_CONSTANT(ERROR, "UnrollBadConstant",
      "%s must be %s, was %s; %s"),
  CLASS_NAME_INVALID(ERROR, "UnrollClassName",
      "className \"%s\" is not a Java identifier; use a simple name such as \"MyNet\""),
  NAME_CLASH(ERROR, "UnrollNameClash",
      "the generated class %s would clash with an existing type; rename the spec or set"
          + " @Network(className = \"...\")"),
  CLASS_NAME_RESERVED(ERROR, "UnrollClassNameReserved",
      "className \"%s\" is %s, which cannot name a class; use a name such as \"%s\""),
  DUPLICATE_CLASS(ERROR, "UnrollDuplicateClass",
      "specs %s and %s would both generate class %s; give one of them its own"
          + " @Network(className = \"...\")"),
  MEMBER_CLASH(ERROR, "UnrollMemberClash",
      "%s clashes with the generated class %s, which declares %s itself: %s; rename or remove"
          + " it (the generated class declares every method of dev.unroll.runtime.Model, toString"
          + " and private helpers such as forward1(int))"),
  MEMBER_SHADOWS(ERROR, "UnrollMemberShadows",
      "%s is named like the type %s, which the generated class %s uses: inherited there, the"
          + " member would hide the type (Java reads a simple name as a field or member type"
          + " first); rename it"),
  TOO_LARGE(ERROR, "UnrollTooLarge",
      "%s would have %d x %d = %d elements, more than one Java array holds (%d, and a tensor's"
          + " entries are indexed by an int); lower %s"),
  LARGE_MEMORY(WARNING, "UnrollLargeMemory",
      "%s needs at least %d bytes (%s GB) for its arrays (weights, gradients and the activations"
          + " of %d rows); run it with -Xmx%dg or more, or lower maxBatch or the widest layers"),
  LOCAL_SPEC(WARNING, "UnrollLocalSpec",
      "@Network on local %s %s is never processed: annotation processors cannot see types"
          + " declared inside a method, initializer or lambda, so no class is generated; declare"
          + " it as a top-level or member type"),
  VECTOR_MISSING(ERROR, "UnrollVectorMissing",
      "backend VECTOR calls dev.unroll.vector kernels, which are not on the class path; add the"
          + " dependency dev.unroll:unroll-vector, or use backend PLAIN"),
  BAD_OPTION(ERROR, "UnrollBadOption",
      "processor option unroll.backend=%s is not one of plain, vector; fix -Aunroll.backend"),
  BAD_CONV_PRODUCT_OPTION(ERROR, "UnrollBadOption",
      "processor option unroll.convProduct=%s is not one of direct, im2col; fix"
          + " -Aunroll.convProduct or leave it out (the planner then picks per layer)"),
  ZERO_INIT(WARNING, "UnrollZeroInit",
      "layer %d starts with all-zero weights: every unit computes the same thing and symmetry"
          + " never breaks; use XAVIER, or HE for ReLU"),
  COLUMNAR_NEEDS_MODULE(NOTE, "UnrollColumnarModule",
      "%s would run its training step columnar (Vector API loops over the batch written into the"
          + " class, about 3x faster at the spiral's size) if javac read the Vector API; add"
          + " --add-modules jdk.incubator.vector to the compiler arguments"),
  MISSING_MEMBER(ERROR, "UnrollMissingMember",
      "a %s layer needs %s; %s"),
  MEMBER_NOT_USED(ERROR, "UnrollMemberNotUsed",
      "%s does not apply to a %s layer (%s); remove it"),
  BAD_SHAPE(ERROR, "UnrollBadShape",
      "shape must be {channels, height, width} with each positive, was %s; e.g. shape = {1, 28,"
          + " 28} for a gray 28x28 image"),
  SHAPE_NOT_INPUTS(ERROR, "UnrollShapeNotInputs",
      "inputs = %d but shape %s has %d values (channels x height x width); set inputs = %d"),
  IMAGE_WITHOUT_SHAPE(ERROR, "UnrollImageWithoutShape",
      "a %s layer needs an image input; add shape = {channels, height, width} to @Network"),
  IMAGE_AFTER_DENSE(ERROR, "UnrollImageAfterDense",
      "a %s layer cannot follow a dense layer, whose output is no longer an image; move the"
          + " conv and pooling layers before the dense ones"),
  LAST_NOT_DENSE(ERROR, "UnrollLastNotDense",
      "the last @Layer gives the class scores and must be DENSE, but it is %s; add"
          + " @Layer(units = <classes>) after it"),
  WINDOW_TOO_LARGE(ERROR, "UnrollWindowTooLarge",
      "the %dx%d window of this %s layer is larger than its input, %dx%d with pad %d; use size"
          + " <= %d%s"),
  OUTPUT_NOT_INTEGER(ERROR, "UnrollOutputNotInteger",
      "(%d + 2 * %d - %d) / %d + 1 = %s is not a whole number of output %s; %s"),
  POOL_DROPS(WARNING, "UnrollPoolDrops",
      "this %dx%d pool with stride %d on a %dx%d input leaves out the last %d row(s) and %d"
          + " column(s); give the input a size the pool tiles, or ignore this if intended"),
  UNREADABLE(ERROR, "UnrollUnreadable",
      "%s has a value the processor cannot read (%s); fix the earlier error on this line"),
  CLASS_TOO_LARGE(ERROR, "UnrollClassTooLarge",
      "the generated class %s would need about %d constant-pool entries, more than the 65535 a"
          + " class file holds (%d layers, about %d entries each); use fewer layers"),
  ARCHITECTURE_TOO_LONG(ERROR, "UnrollClassTooLarge",
      "the architecture string of %s would be %d bytes, more than the 65535 a class file's"
          + " constant holds (%d layers, about %d bytes each); use fewer layers"),
  WRITE_FAILED(ERROR, "UnrollWrite",
      "could not write %s: %s"),
  INTERNAL(ERROR, "UnrollInternal",
      "the Unroll processor failed on %s; please report this with the spec:%n%s");

  private final Kind kind;
  private final String id;
  private final String text;

  Message(Kind kind, String id, String text) {
    this.kind = kind;
    this.id = id;
    this.text = text;
  }

  /** How javac prints it: an error fails the compile, a warning or note does not. */
  public Kind kind() {
    return kind;
  }

  /** The message with its id prefix and arguments filled in. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(text, args);
  }
}
