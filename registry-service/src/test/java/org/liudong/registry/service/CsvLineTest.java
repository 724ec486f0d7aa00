package org.liudong.registry.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTest {

    @Test
    void splitsPlainFieldsAndTrimsThem() {
        assertThat(CsvLine.split("a, b ,c")).containsExactly("a", "b", "c");
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertThat(CsvLine.split("1,\"东街 1 号, 2 单元\",\"say \"\"hi\"\"\""))
                .containsExactly("1", "东街 1 号, 2 单元", "say \"hi\"");
    }

    @Test
    void emptyFieldsAreKept() {
        assertThat(CsvLine.split("a,,c,")).containsExactly("a", "", "c", "");
    }
}
