package org.liudong.migration.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "李娜|李 娜",
            "李娜|李　娜",            // ideographic space
            "李娜|' 李娜\t'",
            "阿依古丽·买买提|阿依古丽•买买提",
            "阿依古丽·买买提|阿依古丽・买买提",
            "Li Na|ＬＩ　ＮＡ",      // full-width Latin and space
            "王伟|王伟"})
    void namesTypedDifferentlyAreTheSame(String announced, String typed) {
        assertThat(Names.same(announced, typed)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"李娜|李那", "王伟|王伟伟", "张敏|敏张", "李娜|''"})
    void differentNamesDoNotMatch(String announced, String typed) {
        assertThat(Names.same(announced, typed)).isFalse();
    }
}
