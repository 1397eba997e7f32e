/**
 * The Vector API kernel backend: register-blocked products for networks whose spec asks for
 * {@code Backend.VECTOR}. Run with {@code --add-modules jdk.incubator.vector}.
 */
package dev.unroll.vector;
