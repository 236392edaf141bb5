package io.grposcope.core.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntraOpThreadsTest {

    @Test
    void runsTheBlockWithTheGivenCountAndRestoresItAfterwardsEvenOnFailure() {
        Engine.getInstance();
        int before = JniUtils.getNumThreads();
        int other = before == 1 ? 2 : 1;
        assertThat(IntraOpThreads.with(other, JniUtils::getNumThreads)).isEqualTo(other);
        assertThat(JniUtils.getNumThreads()).isEqualTo(before);
        assertThatThrownBy(() -> IntraOpThreads.with(other, () -> {
            throw new IllegalStateException("inside");
        })).hasMessage("inside");
        assertThat(JniUtils.getNumThreads()).isEqualTo(before);
        assertThat(IntraOpThreads.with(0, JniUtils::getNumThreads)).isEqualTo(before);
    }
}
