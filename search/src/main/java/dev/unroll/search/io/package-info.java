/** The results file: one JSON object per finished trial, appended and forced as it ends. */
package dev.unroll.search.io;
