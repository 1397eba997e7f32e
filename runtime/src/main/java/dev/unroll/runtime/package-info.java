/**
 * The minimal runtime generated networks call and the tools written once against {@link
 * dev.unroll.runtime.Model}.
 */
package dev.unroll.runtime;
