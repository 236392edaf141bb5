package io.grposcope.core.algo.spi;

import io.grposcope.core.config.RunConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Discovers {@link MethodProvider}s with {@link ServiceLoader} from a class loader and resolves
 * {@code (id, params)} to a {@link Method}. Discovery isolates failures: a provider whose class is missing, whose
 * constructor throws, whose metadata is invalid or whose hooks cannot be built with default parameters is listed
 * as unavailable with its error, and the others load.
 */
public final class MethodRegistry {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_ERRORS = 1000;

    private final List<ProviderStatus> statuses;
    private final Map<String, MethodProvider> byId;

    private MethodRegistry(List<ProviderStatus> statuses) {
        this.statuses = List.copyOf(statuses);
        Map<String, MethodProvider> map = new LinkedHashMap<>();
        for (ProviderStatus s : statuses) {
            if (s.available()) {
                map.put(s.id(), s.provider());
            }
        }
        this.byId = map;
    }

    /** Providers visible to the given class loader (core's built-ins included when it can see core). */
    public static MethodRegistry load(ClassLoader loader) {
        List<ProviderStatus> out = new ArrayList<>();
        Iterator<MethodProvider> it = ServiceLoader.load(MethodProvider.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            MethodProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                out.add(new ProviderStatus(entryName(e), "", entryName(e), null, describe(e)));
                continue;
            }
            out.add(check(p, out));
        }
        return new MethodRegistry(out);
    }

    /** Providers on the class path of core (built-ins and any plugin jars on it). */
    public static MethodRegistry builtin() {
        return load(MethodRegistry.class.getClassLoader());
    }

    /** Every provider found, available or not, in discovery order. */
    public List<ProviderStatus> statuses() {
        return statuses;
    }

    /** Usable providers, in discovery order. */
    public List<MethodProvider> available() {
        return List.copyOf(byId.values());
    }

    public Optional<MethodProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The method with the given id; params not given take their defaults; unknown names are rejected. */
    public Method resolve(String id, Map<String, ?> params) {
        MethodProvider p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException(unknownId(id));
        }
        MethodParams values = validate(p, params == null ? Map.of() : params);
        return new Method(p.id(), p.displayName(), values, p.create(values));
    }

    /** The run config's method ({@code method.id}, {@code method.params}). */
    public Method resolve(RunConfig.MethodConfig config) {
        return resolve(config.id(), config.params());
    }

    /** Checks and types parameter values against a provider's declared parameters, filling defaults. */
    public static MethodParams validate(MethodProvider p, Map<String, ?> given) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamSpec s : p.params()) {
            specs.put(s.name(), s);
        }
        for (String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                throw new IllegalArgumentException("method '" + p.id() + "' has no parameter '" + name
                        + "'; did you mean " + io.grposcope.core.config.Names.closest(name, specs.keySet()) + "?");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : specs.values()) {
            try {
                out.put(s.name(), s.coerce(given.get(s.name())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("method '" + p.id() + "': " + e.getMessage(), e);
            }
        }
        return new MethodParams(out);
    }

    private String unknownId(String id) {
        StringBuilder sb = new StringBuilder("unknown method '").append(id).append("'; ");
        if (byId.isEmpty()) {
            sb.append("no method providers are available");
        } else {
            sb.append("did you mean ").append(io.grposcope.core.config.Names.closest(id, byId.keySet())).append('?');
        }
        statuses.stream().filter(s -> !s.available() && s.id().equals(id)).findFirst()
                .ifPresent(s -> sb.append(" (a provider with this id failed to load: ").append(s.error()).append(')'));
        return sb.toString();
    }

    private static ProviderStatus check(MethodProvider p, List<ProviderStatus> earlier) {
        String cls = p.getClass().getName();
        String id = cls;
        try {
            id = p.id();
            if (id == null || !ID.matcher(id).matches()) {
                return new ProviderStatus(String.valueOf(id), "", cls, null,
                        "invalid id '" + id + "' (use lower case letters, digits and '_')");
            }
            String shownId = id;
            if (earlier.stream().anyMatch(s -> s.available() && s.id().equals(shownId))) {
                return new ProviderStatus(id, "", cls, null, "duplicate method id '" + id + "'");
            }
            String name = p.displayName();
            p.create(validate(p, Map.of()));
            return new ProviderStatus(id, name == null ? id : name, cls, p, null);
        } catch (RuntimeException | LinkageError e) {
            return new ProviderStatus(id, "", cls, null, describe(e));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    /** The service entry named in a ServiceLoader error ("Provider x.Y could not be instantiated"). */
    private static String entryName(Throwable e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher mm = Pattern.compile("Provider ([\\w.$]+)").matcher(m);
        return mm.find() ? mm.group(1) : "(unknown provider)";
    }
}
