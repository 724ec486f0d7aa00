package org.liudong.platform.divisions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DivisionCatalogTest {

    private final DivisionCatalog catalog = DivisionCatalog.bundled();

    @Test
    void knowsJingchuanCountyItsPrefectureProvinceAndTownships() {
        assertThat(catalog.find("620821")).get().extracting(Division::name, Division::parentCode)
                .containsExactly("泾川县", "6208");
        assertThat(catalog.isCounty("620821")).isTrue();
        assertThat(catalog.isJurisdiction("6208")).isTrue();
        assertThat(catalog.isJurisdiction("62")).isTrue();
        assertThat(catalog.isTownshipOf("620821100", "620821")).isTrue();
        assertThat(catalog.isTownshipOf("620821100", "440305")).isFalse();
    }

    @Test
    void bundlesEveryCountyLevelCode() {
        assertThat(catalog.all().stream().filter(d -> d.level() == Division.Level.COUNTY)).hasSize(2978);
        assertThat(catalog.isCounty("999999")).isFalse();
    }
}
