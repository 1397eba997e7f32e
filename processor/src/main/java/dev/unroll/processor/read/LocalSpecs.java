package dev.unroll.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds {@code @Network} on local types (declared in a method, an initializer or a lambda, or
 * nested in such a type). javac hands processors only the elements of top-level and member types,
 * so these specs would be skipped without a word; this scanner reads the source tree instead.
 * The tree is not yet attributed, so the annotation is recognized by its name as written: {@code
 * dev.unroll.spec.Network}, or {@code Network} in a file importing it or {@code dev.unroll.spec.*}.
 */
public final class LocalSpecs {
  private static final String PACKAGE = "dev.unroll.spec";
  private static final String NETWORK = PACKAGE + ".Network";

  /** A local spec: its kind ({@code interface}, ...), simple name and {@code @Network}. */
  public record Found(String kind, String name, AnnotationTree annotation) {}

  private LocalSpecs() {}

  /** The local specs of {@code unit}, in source order. */
  public static List<Found> in(CompilationUnitTree unit) {
    boolean imported = false;
    for (ImportTree i : unit.getImports()) {
      String name = i.getQualifiedIdentifier().toString();
      imported |= !i.isStatic() && (name.equals(NETWORK) || name.equals(PACKAGE + ".*"));
    }
    boolean bare = imported || (unit.getPackageName() != null
        && unit.getPackageName().toString().equals(PACKAGE));
    List<Found> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        if (isLocal(getCurrentPath())) {
          for (AnnotationTree a : node.getModifiers().getAnnotations()) {
            String type = a.getAnnotationType().toString();
            if (type.equals(NETWORK) || (bare && type.equals("Network"))) {
              found.add(new Found(node.getKind().name().toLowerCase(Locale.ROOT)
                  .replace('_', ' '), node.getSimpleName().toString(), a));
            }
          }
        }
        return super.visitClass(node, unused);
      }
    }.scan(unit, null);
    return found;
  }

  /** Whether a class on {@code path} has anything but classes between it and its file. */
  private static boolean isLocal(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (!(leaf instanceof ClassTree) && !(leaf instanceof CompilationUnitTree)) {
        return true;
      }
    }
    return false;
  }
}
