package io.grposcope.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    private static final Set<String> METHODS = Set.of("grpo", "dr_grpo", "grpo_guard", "tempflow_grpo");
    private final ConfigLoader loader = new ConfigLoader(METHODS);

    @TempDir
    Path dir;

    @Test
    void partialYamlIsMergedOverDefaults() throws Exception {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, """
                name: tiny
                rollout:
                  groupSize: 16
                method:
                  id: dr_grpo
                  params: {eps: 0.1}
                """);
        RunConfig c = loader.load(f);
        RunConfig d = RunConfig.defaults();
        assertThat(c.name()).isEqualTo("tiny");
        assertThat(c.rollout().groupSize()).isEqualTo(16);
        assertThat(c.rollout().temperature()).isEqualTo(d.rollout().temperature());
        assertThat(c.rollout().promptsPerStep()).isEqualTo(d.rollout().promptsPerStep());
        assertThat(c.method().id()).isEqualTo("dr_grpo");
        assertThat(c.method().params()).containsEntry("eps", 0.1);
        assertThat(c.optimizer()).isEqualTo(d.optimizer());
        assertThat(c.schemaVersion()).isEqualTo(RunConfig.SCHEMA_VERSION);
    }

    @Test
    void jsonWorksToo() {
        RunConfig c = loader.parse("{\"seed\": 7, \"kl\": {\"beta\": 0.04}}", "run.json", true);
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.kl().beta()).isEqualTo(0.04);
        assertThat(c.kl().estimator()).isEqualTo(RunConfig.defaults().kl().estimator());
    }

    @Test
    void unknownKeyNamesLineColumnPathAndClosestNames() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
                rollout:
                  groupSize: 8
                  temprature: 0.7
                """, "run.yaml", false));
        ConfigProblem p = e.problems().get(0);
        assertThat(p.source()).isEqualTo("run.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.path()).isEqualTo("rollout.temprature");
        assertThat(p.message()).contains("did you mean temperature");
        assertThat(e.getMessage()).startsWith("run.yaml:3:3: rollout.temprature: unknown key");
    }

    @Test
    void unknownMethodIdListsClosestRegisteredIds() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.parse("method:\n  id: grpo-guard\n", "m.yaml", false));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("method.id");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("unknown method plugin \"grpo-guard\"").contains("grpo_guard");
        });
    }

    @Test
    void invalidValuesAreRejectedWithTheAllowedRangeAllAtOnce() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
                rollout: {groupSize: -4}
                ppo:
                  clipLow: 1.5
                  lossAgg: token_mean
                """, "bad.yaml", false));
        assertThat(e.problems()).extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("rollout.groupSize", "ppo.clipLow", "ppo.lossAgg");
        assertThat(e.getMessage()).contains("bad.yaml:1:").contains("-4 is out of range; allowed 2..1024")
                .contains("bad.yaml:3:").contains("1.5 is out of range; allowed [0.0, 1.0)")
                .contains("did you mean token-mean");
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.parse("{\n  \"rollout\": {\"groupSize\": \"eight\"}\n}", "t.json", true));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rollout.groupSize");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("wrong type");
        });
        assertThatThrownBy(() -> loader.parse("rollout: {groupSize: 2.5}", "f.yaml", false))
                .hasMessageContaining("rollout.groupSize");
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.parse("{\"seed\": 1,,}", "s.json", true));
        assertThat(e.problems().get(0).line()).isEqualTo(1);
        assertThat(e.problems().get(0).column()).isGreaterThan(1);
        assertThat(e.getMessage()).contains("not valid JSON");
    }

    @Test
    void newerSchemaIsRefusedAndOlderIsMigrated() {
        assertThatThrownBy(() -> loader.parse("schemaVersion: 9\n", "n.yaml", false))
                .hasMessageContaining("n.yaml:1:").hasMessageContaining("newer");
        UnaryOperator<ObjectNode> renameSeed = t -> {
            if (t.has("randomSeed")) {
                t.set("seed", t.remove("randomSeed"));
            }
            return t;
        };
        // a hypothetical schema 2 that renamed randomSeed -> seed: a schema-1 file must come out migrated
        ConfigLoader future = new ConfigLoader(METHODS, List.of(renameSeed));
        RunConfig c = future.parse("schemaVersion: 1\nrandomSeed: 5\n", "old.yaml", false);
        assertThat(c.seed()).isEqualTo(5);
        assertThat(c.schemaVersion()).isEqualTo(2);
    }

    @Test
    void savedYamlLoadsBackEqual() {
        RunConfig c = RunConfig.defaults().withSeed(99).withSteps(1234);
        c = new RunConfig(c.schemaVersion(), "saved", c.task(), c.policy(),
                new RunConfig.MethodConfig("grpo_guard", Map.of("alpha", 0.5, "mode", "x")), c.rollout(),
                c.optimizer(), c.ppo(), c.kl(), c.warmStart(), c.flow(), c.metrics(), c.seed(), c.device(),
                c.steps());
        Path f = dir.resolve("saved.yaml");
        ConfigYaml.save(c, f);
        assertThat(loader.load(f)).isEqualTo(c);
        assertThat(ConfigJson.fromJson(ConfigJson.toJson(c))).isEqualTo(c);
    }

    @Test
    void methodParamsAreCheckedByThePluginsRulesAtTheirLine() {
        MethodParamsCheck guard = (id, params) -> {
            Map<String, String> out = new java.util.TreeMap<>();
            params.forEach((k, v) -> {
                if (!k.equals("alpha")) {
                    out.put(k, "no such parameter of " + id + "; " + Names.suggestion(k, Set.of("alpha")));
                } else if (((Number) v).doubleValue() > 1) {
                    out.put(k, v + " is out of range [0, 1]");
                }
            });
            return out;
        };
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.withMethodParams(guard).parse("""
                method:
                  id: grpo_guard
                  params:
                    alpha: 3
                    alhpa: 0.5
                """, "p.yaml", false));
        assertThat(e.getMessage()).isEqualTo("p.yaml:4:5: method.params.alpha: 3 is out of range [0, 1]\n"
                + "p.yaml:5:5: method.params.alhpa: no such parameter of grpo_guard; did you mean alpha?");
    }

    @Test
    void closestNamesPreferSmallEdits() {
        assertThat(Names.closest("grpoo", METHODS)).first().isEqualTo("grpo");
        assertThat(Names.closest("zzzzzzzz", Set.of("a", "b"))).containsExactly("a", "b");
    }
}
