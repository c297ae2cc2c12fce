package dev.sourced.load;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file as strict UTF-8 (invalid bytes are an error at their line and column, not a silent
 * replacement character), drops a byte-order mark and normalises CRLF and CR to LF so that every
 * later position counts lines the same way.
 */
final class TextDecoder {
  private TextDecoder() {}

  static String decode(byte[] bytes, String path, Diagnostics diagnostics) {
    // The JDK's own decoding is the fast path; it replaces bad bytes with U+FFFD, so text
    // without that character was valid, and text with it is checked strictly.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) return normalise(fast);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      diagnostics.error(
          new SourcePosition(path, line, before.length() - lineStart + 1),
          Code.BAD_ENCODING,
          "the file is not valid UTF-8 (byte 0x"
              + String.format("%02X", bytes[in.position()] & 0xff)
              + " at offset "
              + in.position()
              + ")",
          "save the file as UTF-8");
      return null;
    }
    decoder.flush(out);
    out.flip();
    return normalise(out.toString());
  }

  private static String normalise(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    if (text.indexOf('\r') >= 0) text = text.replace("\r\n", "\n").replace('\r', '\n');
    return text;
  }
}
