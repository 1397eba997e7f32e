/**
 * The annotations and enums a user writes to describe a network: {@link dev.unroll.spec.Network}
 * and one {@link dev.unroll.spec.Layer} per layer.
 */
package dev.unroll.spec;
