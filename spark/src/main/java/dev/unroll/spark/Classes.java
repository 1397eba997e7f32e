package dev.unroll.spark;

import dev.unroll.runtime.Model;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.LongFunction;

/**
 * Classes named in a job: found with the task's class loader (the one that holds the application
 * jar on an executor) and checked on the driver first, so a wrong name fails before any task.
 */
final class Classes {
  private Classes() {}

  /** A factory calling {@code name}'s public {@code (long seed)} constructor. */
  static LongFunction<Model> networkFactory(String name) {
    Constructor<? extends Model> c = seedConstructor(load(name, Model.class));
    return seed -> {
      try {
        return c.newInstance(seed);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(name + "(" + seed + ") threw " + e.getCause(),
            e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + name + ": " + e, e);
      }
    };
  }

  /** {@code type}'s public {@code (long seed)} constructor, or why it has none. */
  static <T> Constructor<T> seedConstructor(Class<T> type) {
    try {
      return type.getConstructor(long.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no public (long seed)"
          + " constructor; name the generated network class, such as SpiralNet", e);
    }
  }

  /** A new instance of {@code name} through its public no-argument constructor. */
  static <T> T instance(String name, Class<T> type) {
    Class<? extends T> c = load(name, type);
    try {
      return noArgConstructor(c).newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(name + "() threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + name + ": " + e, e);
    }
  }

  /** {@code type}'s public no-argument constructor, or why it has none. */
  static <T> Constructor<T> noArgConstructor(Class<T> type) {
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " is abstract; name a concrete class");
    }
    try {
      return type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " needs a public no-argument"
          + " constructor: it is built by name on each executor", e);
    }
  }

  private static <T> Class<? extends T> load(String name, Class<T> type) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(name, true, loader == null ? Classes.class.getClassLoader() : loader)
          .asSubclass(type);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("class " + name + " is not on this JVM's class path; ship"
          + " it in the application jar", e);
    } catch (ClassCastException e) {
      throw new IllegalStateException(name + " is not a " + type.getName(), e);
    }
  }
}
