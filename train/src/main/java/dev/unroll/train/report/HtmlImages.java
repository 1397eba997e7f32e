package dev.unroll.train.report;

import java.util.Base64;

/** An image embedded in the page as a data URL, so the report stays one self-contained file. */
final class HtmlImages {
  private HtmlImages() {}

  static void img(StringBuilder h, byte[] png, String alt) {
    h.append("<img alt=\"").append(alt.replace("&", "&amp;").replace("\"", "&quot;")
            .replace("<", "&lt;")).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
  }
}
