package org.liudong.registry.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class UploadScanTest {

    private static final String HEADER = "household_number,county,township,address,id_number,name,sex,birth_date,"
            + "relation,phone\n";
    private static final String ROW = "H1,620821,620821101,城关镇东街1号,620821198001011234,张三丰,M,"
            + "1980-01-01,HEAD,13800000000\n";
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void countsTheRowsAfterTheHeaderWithOrWithoutAFinalLineBreak() {
        assertThat(scanWhole(bytes(HEADER + ROW + ROW)).rows()).isEqualTo(2);
        assertThat(scanWhole(bytes(HEADER + ROW + ROW.strip())).rows()).isEqualTo(2);
        assertThat(scanWhole(bytes(HEADER)).rows()).isZero();
        assertThat(scanWhole(new byte[0]).rows()).isZero();
    }

    /** The import passes over lines of nothing but spaces: counting them, a finished job would look unfinished. */
    @Test
    void blankLinesAreNotRows() {
        assertThat(scanWhole(bytes(HEADER + "\n" + ROW + " \t\r\n\n" + ROW + "\n  ")).rows()).isEqualTo(2);
    }

    @Test
    void utf8WithAByteOrderMarkIsUtf8() {
        assertThat(scanWhole(bytes("\uFEFF" + HEADER + ROW)).firstLineNotUtf8()).isEmpty();
    }

    @Test
    void aFileSavedInGbkIsFoundOnItsFirstLineWithChineseText() {
        byte[] file = concat(bytes(HEADER + ROW), (ROW + ROW).getBytes(GBK));
        assertThat(scanWhole(file).firstLineNotUtf8()).hasValue(3);
    }

    @Test
    void aCharacterCutOffByTheEndOfTheFileIsNotUtf8() {
        byte[] file = bytes(HEADER + "H1,620821,620821101,东");
        assertThat(scanWhole(Arrays.copyOf(file, file.length - 1)).firstLineNotUtf8()).hasValue(2);
    }

    /** Chunks end anywhere, in the middle of a character too: the answer never depends on where. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void chunkBoundariesChangeNothing(long seed) {
        Random random = new Random(seed);
        byte[] utf8 = bytes(HEADER + ROW.repeat(40));
        byte[] gbkFromLine30 = concat(bytes(HEADER + ROW.repeat(28)), ROW.repeat(12).getBytes(GBK));

        UploadScan good = scanInChunks(utf8, random);
        UploadScan bad = scanInChunks(gbkFromLine30, random);

        assertThat(good.firstLineNotUtf8()).isEmpty();
        assertThat(good.rows()).isEqualTo(40);
        assertThat(bad.firstLineNotUtf8()).hasValue(30);
        assertThat(bad.rows()).isEqualTo(40);
    }

    private static UploadScan scanWhole(byte[] file) {
        UploadScan scan = new UploadScan();
        scan.scan(file, file.length);
        scan.finish();
        return scan;
    }

    /** As the upload arrives: chunks of 1 to 7 bytes, each read into the same array. */
    private static UploadScan scanInChunks(byte[] file, Random random) {
        UploadScan scan = new UploadScan();
        byte[] buffer = new byte[7];
        for (int start = 0; start < file.length; ) {
            int length = Math.min(file.length - start, 1 + random.nextInt(buffer.length));
            Arrays.fill(buffer, (byte) 0);
            System.arraycopy(file, start, buffer, 0, length);
            scan.scan(buffer, length);
            start += length;
        }
        scan.finish();
        return scan;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
