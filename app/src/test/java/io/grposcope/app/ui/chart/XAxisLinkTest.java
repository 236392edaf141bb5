package io.grposcope.app.ui.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XAxisLinkTest {

    @Test
    void followsNewDataUntilZoomedThenResetFollowsAgain() {
        XAxisLink a = new XAxisLink();
        int[] fired = {0};
        a.addListener(() -> fired[0]++);
        a.extendData(100);
        assertThat(a.end()).isEqualTo(100);
        a.zoom(50, 0.5);
        assertThat(a.following()).isFalse();
        assertThat(a.start()).isEqualTo(25);
        assertThat(a.end()).isEqualTo(75);
        a.extendData(200);
        assertThat(a.end()).isEqualTo(75);
        a.pan(1000);
        assertThat(a.end()).isEqualTo(200);
        a.reset();
        assertThat(a.following()).isTrue();
        assertThat(a.end()).isEqualTo(200);
        assertThat(fired[0]).isEqualTo(4);
    }

    @Test
    void followingFromALaterStepKeepsThatStartUntilZoomedOrReset() {
        XAxisLink a = new XAxisLink();
        a.extendData(1550);
        a.followFrom(1501);
        assertThat(a.start()).isEqualTo(1501);
        assertThat(a.followFrom()).isEqualTo(1501);
        a.extendData(1560);
        assertThat(a.start()).isEqualTo(1501);
        assertThat(a.end()).isEqualTo(1560);
        a.zoom(1530, 0.5);
        assertThat(a.following()).isFalse();
        assertThat(a.followFrom()).isEqualTo(0);
        a.followFrom(1501);
        a.reset();
        assertThat(a.start()).isEqualTo(0);
        assertThat(a.end()).isEqualTo(1560);
    }
}
