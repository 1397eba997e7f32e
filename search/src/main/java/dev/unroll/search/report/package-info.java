/** The search's HTML report and its scatter of validation accuracy over two parameters. */
package dev.unroll.search.report;
