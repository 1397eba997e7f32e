/** A self-contained HTML report of a run, with XChart plots embedded as PNG. */
package dev.unroll.train.report;
