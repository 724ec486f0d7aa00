package org.liudong.registry.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Reads an upload as it is spooled, chunk by chunk: counts its lines and finds the first line that is not UTF-8.
 * A file saved by a spreadsheet in the county office's code page (GBK) is refused at upload with that line, rather
 * than failing part-way through the import.
 */
final class UploadScan {

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer decoded = CharBuffer.allocate(16 * 1024);
    /** The start of a character cut off at the end of the last chunk, at most three bytes. */
    private ByteBuffer unfinished = ByteBuffer.allocate(0);
    private int newlines;
    private int linesWithText;
    private boolean lineHasText;
    private int firstLineNotUtf8;

    void scan(byte[] chunk, int length) {
        if (length <= 0) {
            return;
        }
        if (firstLineNotUtf8 == 0) {
            checkUtf8(chunk, length);
        }
        for (int i = 0; i < length; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                newlines++;
                endLine();
            } else if (!CsvLine.isSpace((char) b) && b != '\r') {
                lineHasText = true;
            }
        }
    }

    private void endLine() {
        if (lineHasText) {
            linesWithText++;
        }
        lineHasText = false;
    }

    /** Call once the upload has ended: a character cut off by the end of the file is not UTF-8 either. */
    void finish() {
        endLine();
        if (firstLineNotUtf8 == 0 && unfinished.hasRemaining()) {
            firstLineNotUtf8 = newlines + 1;
        }
    }

    /**
     * Lines after the header that the import reads as rows: a last line without a line break counts, a line of
     * nothing but spaces does not ({@link CsvLine#isBlank}), so a finished job has done all it counted.
     */
    int rows() {
        return Math.max(0, linesWithText - 1);
    }

    /** The number (header = 1) of the first line that is not UTF-8, if any. */
    OptionalInt firstLineNotUtf8() {
        return firstLineNotUtf8 == 0 ? OptionalInt.empty() : OptionalInt.of(firstLineNotUtf8);
    }

    private void checkUtf8(byte[] chunk, int length) {
        int carried = unfinished.remaining();
        ByteBuffer input = carried == 0
                ? ByteBuffer.wrap(chunk, 0, length)
                : ByteBuffer.allocate(carried + length).put(unfinished).put(chunk, 0, length).flip();
        while (true) {
            CoderResult result = utf8.decode(input, decoded.clear(), false);
            if (result.isError()) {
                int offendingByte = Math.max(0, input.position() - carried);
                firstLineNotUtf8 = newlines + newlinesBefore(chunk, offendingByte) + 1;
                return;
            }
            if (result.isUnderflow()) {
                // the chunk's array is read into again: keep a copy of the cut-off character
                unfinished = ByteBuffer.allocate(input.remaining()).put(input).flip();
                return;
            }
        }
    }

    private static int newlinesBefore(byte[] chunk, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (chunk[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
