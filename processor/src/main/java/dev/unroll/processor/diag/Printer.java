package dev.unroll.processor.diag;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Prints diagnostics at the most precise place. javac finds an annotation value's position for
 * annotations written once, but not for the members of the {@code @Layers} container it
 * synthesizes for repeated {@code @Layer}s; for those this printer finds the n-th {@code @Layer}
 * in the source tree itself (through javac's Trees API, when the compiler is javac) and points
 * at the member's assignment. Which annotations are the {@code @Layer}s is the reader's
 * knowledge, passed in, so this package depends on no stage.
 */
public final class Printer {
  private final Messager messager;
  private final Trees trees;
  private final Function<Element, List<AnnotationMirror>> layersOf;

  /**
   * A printer for the compiler of {@code env}; {@code layersOf} gives an element's
   * {@code @Layer}s in source order.
   */
  public Printer(ProcessingEnvironment env, Function<Element, List<AnnotationMirror>> layersOf) {
    this.messager = env.getMessager();
    this.layersOf = layersOf;
    Trees t;
    try {
      t = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      t = null; // not javac: the messager's coarser positions will do
    }
    this.trees = t;
  }

  /** Prints every item of {@code report}. */
  public void print(Report report) {
    for (Diagnostic d : report.items()) {
      if (!printInTree(d)) {
        if (d.element() == null) {
          messager.printMessage(d.kind(), d.message());
        } else if (d.value() != null) {
          messager.printMessage(d.kind(), d.message(), d.element(), d.annotation(), d.value());
        } else if (d.annotation() != null) {
          messager.printMessage(d.kind(), d.message(), d.element(), d.annotation());
        } else {
          messager.printMessage(d.kind(), d.message(), d.element());
        }
      }
    }
  }

  private boolean printInTree(Diagnostic d) {
    if (trees == null || d.element() == null || d.annotation() == null) {
      return false;
    }
    List<AnnotationMirror> layers = layersOf.apply(d.element());
    if (layers.size() < 2) {
      return false;
    }
    int index = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) == d.annotation()) {
        index = i;
      }
    }
    TreePath path = trees.getPath(d.element());
    if (index < 0 || path == null || !(path.getLeaf() instanceof com.sun.source.tree.ClassTree)) {
      return false;
    }
    List<? extends AnnotationTree> written =
        ((com.sun.source.tree.ClassTree) path.getLeaf()).getModifiers().getAnnotations().stream()
            .filter(a -> isLayer(a.getAnnotationType()))
            .toList();
    if (written.size() != layers.size()) {
      return false;
    }
    AnnotationTree annotation = written.get(index);
    Tree target = annotation;
    String member = memberOf(d.annotation(), d.value());
    if (member != null) {
      for (ExpressionTree arg : annotation.getArguments()) {
        if (arg instanceof AssignmentTree assign
            && assign.getVariable() instanceof IdentifierTree id
            && id.getName().contentEquals(member)) {
          target = assign;
        }
      }
    }
    trees.printMessage(d.kind(), d.message(), target, path.getCompilationUnit());
    return true;
  }

  private static boolean isLayer(Tree type) {
    String name = type.toString();
    return name.equals("Layer") || name.endsWith(".Layer");
  }

  private static String memberOf(AnnotationMirror mirror, AnnotationValue value) {
    if (value == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getValue() == value) {
        return e.getKey().getSimpleName().toString();
      }
    }
    return null;
  }
}
