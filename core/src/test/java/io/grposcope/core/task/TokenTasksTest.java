package io.grposcope.core.task;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenTasksTest {

    private static TokenTask task(String id, int difficulty) {
        return TokenTasks.create(new RunConfig.TaskConfig("token", id, difficulty));
    }

    @Test
    void solutionsScoreFullRewardAndPromptsHaveTheirFixedLength() {
        for (String id : new String[] {"addition", "sort", "countdown"}) {
            for (int d = 1; d <= 3; d++) {
                TokenTask t = task(id, d);
                Rng rng = new Rng(d);
                for (int i = 0; i < 200; i++) {
                    TokenTask.Problem p = t.sample(rng);
                    assertThat(p.prompt()).hasSize(t.promptLength()).endsWith("=");
                    assertThat(p.solution().length()).isLessThanOrEqualTo(t.maxSolutionLength());
                    CharTokenizer.encode(p.prompt() + p.solution());
                    TokenTask.Score s = t.score(p, p.solution(), true);
                    assertThat(s.correct()).as(id + " " + p).isTrue();
                    assertThat(s.reward()).isEqualTo(1.0 + TokenTask.Score.FORMAT_REWARD);
                    assertThat(t.score(p, p.solution(), false).reward()).as("cut at the limit").isZero();
                }
            }
        }
    }

    @Test
    void wrongAnswersGetAtMostTheFormatReward() {
        TokenTask.Problem add = new TokenTask.Problem("3+5=", "8");
        TokenTask a = task("addition", 1);
        assertThat(a.score(add, "9", true)).isEqualTo(TokenTask.Score.of(false, true));
        assertThat(a.score(add, "8+", true).reward()).isZero();
        assertThat(a.score(add, "", true).reward()).isZero();

        TokenTask.Problem sort = new TokenTask.Problem("S3141=", "1134");
        TokenTask s = task("sort", 2);
        assertThat(s.score(sort, "1143", true).reward()).isEqualTo(TokenTask.Score.FORMAT_REWARD);
        assertThat(s.score(sort, "113", true).reward()).isZero();
    }

    @Test
    void countdownAcceptsAnyCorrectExpressionUsingEachNumberOnce() {
        TokenTask c = task("countdown", 2);
        TokenTask.Problem p = new TokenTask.Problem("C3,5,7>026=", "3*7+5");
        assertThat(c.score(p, "5+7*3", true).correct()).isTrue();
        assertThat(c.score(p, "7*3+5", true).correct()).isTrue();
        assertThat(c.score(p, "7*3+3", true)).isEqualTo(TokenTask.Score.of(false, true));
        assertThat(c.score(p, "3*7+5+5", true).correct()).isFalse();
        assertThat(c.score(p, "37+5", true).reward()).isZero();
        assertThat(CountdownTask.evaluate("2+3*4-5")).isEqualTo(9);
        assertThat(CountdownTask.evaluate("9-2*3*1")).isEqualTo(3);
    }

    @Test
    void unknownTasksAndDifficultiesAreRefusedByName() {
        assertThatThrownBy(() -> task("parity", 1)).hasMessageContaining("parity").hasMessageContaining("countdown");
        assertThatThrownBy(() -> task("addition", 0)).hasMessageContaining("addition difficulty");
        assertThatThrownBy(() -> CharTokenizer.encode("a")).hasMessageContaining("'a'");
        assertThat(CharTokenizer.decode(CharTokenizer.encode("12+3"), 0, 4)).isEqualTo("12+3");
    }
}
