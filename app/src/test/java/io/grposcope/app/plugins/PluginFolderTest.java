package io.grposcope.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.core.algo.spi.MethodProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds real plugin jars (compiled here with javac) and checks what the folder loader makes of them. */
class PluginFolderTest {

    @TempDir
    Path tmp;

    private static String provider(String pkg, String cls, String id, String createBody) {
        return "package " + pkg + ";\n"
                + "import io.grposcope.core.algo.spi.*;\nimport java.util.List;\n"
                + "public final class " + cls + " implements MethodProvider {\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String displayName() { return \"" + cls + "\"; }\n"
                + "  public String description() { return \"test plugin\"; }\n"
                + "  public String paperReference() { return \"none\"; }\n"
                + "  public List<ParamSpec> params() { return List.of(); }\n"
                + "  public Hooks create(MethodParams p) { " + createBody + " }\n}\n";
    }

    /** Compiles the sources and writes a jar with the given service file lines (null: no service file). */
    private Path jar(String name, Map<String, String> sources, String serviceLines) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src-" + name));
        Path classes = Files.createDirectories(tmp.resolve("classes-" + name));
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp", coreClassPath()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();
        Path jar = Files.createDirectories(tmp.resolve("plugins")).resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                put(out, classes.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
            }
            if (serviceLines != null) {
                put(out, PluginFolder.SERVICE_ENTRY, serviceLines.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String coreClassPath() throws Exception {
        return Path.of(MethodProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private UserPlugins load() {
        return PluginFolder.load(tmp.resolve("plugins"), getClass().getClassLoader());
    }

    @Test
    void missingFolderMeansBuiltinsOnly() {
        UserPlugins u = load();
        assertThat(u.jars()).isEmpty();
        assertThat(u.registry().find("grpo")).isPresent();
        assertThat(u.loader()).isSameAs(getClass().getClassLoader());
    }

    @Test
    void goodJarAddsItsMethodNextToTheBuiltins() throws Exception {
        jar("my-method.jar", Map.of("ext.good.MyMethod", provider("ext.good", "MyMethod", "my_method",
                "return Hooks.builder().build();")), "ext.good.MyMethod\n");
        UserPlugins u = load();
        assertThat(u.jars()).singleElement().satisfies(j -> {
            assertThat(j.state()).isEqualTo(PluginJar.State.LOADED);
            assertThat(j.methodIds()).containsExactly("my_method");
        });
        assertThat(u.registry().find("my_method")).isPresent();
        assertThat(u.registry().find("grpo")).isPresent();
        assertThat(u.problems()).isEmpty();
    }

    @Test
    void brokenJarsAreReportedAndLeftOutWhileGoodOnesLoad() throws Exception {
        jar("a-good.jar", Map.of("ext.ok.Ok", provider("ext.ok", "Ok", "ok_method",
                "return Hooks.builder().build();")), "ext.ok.Ok\n");
        jar("b-missing-class.jar", Map.of("ext.miss.Other", "package ext.miss; public class Other {}"),
                "ext.miss.Gone\n");
        jar("c-throws.jar", Map.of("ext.bad.Bad", provider("ext.bad", "Bad", "bad_method",
                "throw new IllegalStateException(\"boom in create\");")), "ext.bad.Bad\n");
        jar("d-duplicate.jar", Map.of("ext.dup.Dup", provider("ext.dup", "Dup", "grpo",
                "return Hooks.builder().build();")), "ext.dup.Dup\n");
        jar("e-library.jar", Map.of("ext.lib.Util", "package ext.lib; public class Util {}"), null);
        Files.write(tmp.resolve("plugins/f-corrupt.jar"), new byte[] {1, 2, 3, 4, 5});

        UserPlugins u = load();

        assertThat(u.jars()).extracting(PluginJar::state).containsExactly(PluginJar.State.LOADED,
                PluginJar.State.BROKEN, PluginJar.State.BROKEN, PluginJar.State.BROKEN,
                PluginJar.State.NOT_A_PLUGIN, PluginJar.State.BROKEN);
        assertThat(u.jars().get(1).detail()).contains("ext.miss.Gone");
        assertThat(u.jars().get(2).detail()).contains("boom in create");
        assertThat(u.jars().get(3).detail()).contains("duplicate method id 'grpo'");
        assertThat(u.jars().get(5).detail()).startsWith("not a readable jar");
        assertThat(u.problems()).hasSize(5).allSatisfy(p -> assertThat(p.describe()).startsWith(p.jar()
                .getFileName().toString()));
        assertThat(u.registry().find("ok_method")).isPresent();
        assertThat(u.registry().find("bad_method")).isEmpty();
        assertThat(u.registry().statuses()).allSatisfy(s -> assertThat(s.available()).as(s.id()).isTrue());

        List<PluginStatusPane.Line> shown = PluginStatusPane.lines(u);
        assertThat(shown.get(0).text()).startsWith("Methods: ").contains("Ok (ok_method)");
        assertThat(shown).filteredOn(PluginStatusPane.Line::problem).extracting(PluginStatusPane.Line::text)
                .hasSize(5).anySatisfy(t -> assertThat(t).startsWith("c-throws.jar: broken").contains("boom"));
        assertThat(shown).extracting(PluginStatusPane.Line::text).anySatisfy(t -> assertThat(t)
                .endsWith(": 6 jar(s), 1 loaded"));
    }

    @Test
    void installMakesTheContextClassLoaderSeeThePlugins() throws Exception {
        jar("my-method.jar", Map.of("ext.tccl.T", provider("ext.tccl", "T", "tccl_method",
                "return Hooks.builder().build();")), "ext.tccl.T\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            load().install();
            assertThat(UserPlugins.current().registry().find("tccl_method")).isPresent();
            assertThat(Class.forName("ext.tccl.T", false, Thread.currentThread().getContextClassLoader()))
                    .isNotNull();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
            UserPlugins.uninstall();
        }
    }
}
